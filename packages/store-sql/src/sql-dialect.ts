import type { Kysely } from "kysely";
import type { StoreDatabase } from "./schema.js";

/**
 * What differs between the SQL dialects: how a write transaction is opened,
 * how a claim is serialised, which errors are worth retrying, and how to ask
 * whether a table exists. Everything else is one Kysely implementation.
 */
export interface SqlDialect {
  readonly name: "sqlite" | "postgres";
  /** Runs `fn` in a write transaction and commits, or rolls back on a throw. */
  writeTransaction<T>(
    db: Kysely<StoreDatabase>,
    fn: (trx: Kysely<StoreDatabase>) => Promise<T>,
  ): Promise<T>;
  /**
   * Inside `writeTransaction`: blocks other claims of the same request until
   * the transaction ends (PostgreSQL: a row lock; SQLite: the write
   * transaction already excludes every other writer).
   */
  lockRequest(trx: Kysely<StoreDatabase>, requestId: number): Promise<void>;
  /** Runs `fn`, again after a transient lock error (SQLite busy, PostgreSQL deadlock). */
  retry<T>(fn: () => Promise<T>): Promise<T>;
  /** True when `table` exists where the store keeps its tables. */
  tableExists(db: Kysely<unknown>, table: string): Promise<boolean>;
}

/** Retries `fn` while `transient(error)`, waiting a little longer each time, up to `budgetMs` of waiting. */
export async function retryTransient<T>(
  fn: () => Promise<T>,
  transient: (error: unknown) => boolean,
  budgetMs: number,
): Promise<T> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!transient(error) || waited >= budgetMs) throw error;
      const delay = Math.min(2 ** attempt, 25) * (0.5 + Math.random());
      waited += delay;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** The driver's error code (`SQLITE_BUSY`, PostgreSQL's SQLSTATE `40P01`, …), if any. */
export function driverErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
