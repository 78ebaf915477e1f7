import type { ActivationStore, StoredRequest } from "@pcx/sdk";
import type { Kysely } from "kysely";
import { planClaim } from "./plan-claim.js";
import {
  activationRow,
  insertedDecision,
  num,
  toActivation,
  toDecision,
  toRequest,
} from "./row-mappers.js";
import type { StoreDatabase } from "./schema.js";
import type { SqlDialect } from "./sql-dialect.js";
import { storeError } from "./store-error.js";

export interface SqlStoreParts {
  db: Kysely<StoreDatabase>;
  dialect: SqlDialect;
  /** Closes what the store opened itself (not a caller's database or pool). */
  close: () => Promise<void>;
}

/**
 * The one `ActivationStore` over Kysely, for SQLite and PostgreSQL alike. The
 * dialect supplies the write transaction and the claim lock; every query is
 * written once, here. Database errors surface as `pcx_store`.
 */
export function createSqlStore({ db, dialect, close }: SqlStoreParts): ActivationStore {
  let closed = false;
  const run = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    if (closed) throw storeError(dialect.name, operation, new Error("the store is closed"));
    try {
      return await dialect.retry(fn);
    } catch (error) {
      throw storeError(dialect.name, operation, error);
    }
  };
  const decisionsOf = (q: Kysely<StoreDatabase>, requestId: number) =>
    q
      .selectFrom("pcx_decisions")
      .selectAll()
      .where("request_id", "=", requestId)
      .orderBy("company_id")
      .execute();
  const getRequest = (q: Kysely<StoreDatabase>, requestId: number) =>
    q.selectFrom("pcx_requests").selectAll().where("request_id", "=", requestId).executeTakeFirst();

  return {
    saveRequest: (request) =>
      run("save a request", async () => {
        await db
          .insertInto("pcx_requests")
          .values({
            request_id: request.requestId,
            integration_id: request.integrationId,
            integration_version: request.integrationVersion,
            kind: request.kind,
            ref: request.ref,
            state_nonce: request.stateNonce,
            company_ids: JSON.stringify(request.companyIds),
            expires_at_ms: request.expiresAt.getTime(),
            seen_at_ms: request.seenAt.getTime(),
            deferred: 0,
          })
          .onConflict((oc) => oc.column("request_id").doNothing())
          .execute();
        return toRequest(
          (await getRequest(db, request.requestId)) as NonNullable<
            Awaited<ReturnType<typeof getRequest>>
          >,
        ) satisfies StoredRequest;
      }),

    getRequest: (requestId) =>
      run("read a request", async () => {
        const row = await getRequest(db, requestId);
        return row ? toRequest(row) : undefined;
      }),

    setRequestDeferred: (requestId, deferred) =>
      run("mark a request deferred", async () => {
        await db
          .updateTable("pcx_requests")
          .set({ deferred: deferred ? 1 : 0 })
          .where("request_id", "=", requestId)
          .execute();
      }),

    claimDecisions: (input) =>
      run("claim decisions", () =>
        dialect.writeTransaction(db, async (trx) => {
          await dialect.lockRequest(trx, input.requestId);
          const existing = (await decisionsOf(trx, input.requestId)).map(toDecision);
          const rows = planClaim(input, new Set(existing.map((r) => r.companyId)));
          if (rows.length === 0) return { records: existing, claimed: [] };
          await trx.insertInto("pcx_decisions").values(rows).execute();
          // Under the lock nobody else wrote this request's rows: the records
          // are the ones read plus the ones inserted.
          const records = [...existing, ...rows.map(insertedDecision)].sort(
            (a, b) => a.companyId - b.companyId,
          );
          return { records, claimed: rows.map((r) => r.company_id) };
        }),
      ),

    markDecisionsApplied: (requestId, outcomes, appliedAt) =>
      run("mark decisions applied", async () => {
        // One UPDATE per distinct outcome (usually one), in one transaction.
        const byOutcome = new Map<string, number[]>();
        for (const { companyId, outcome } of outcomes) {
          byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), companyId]);
        }
        const update = (q: Kysely<StoreDatabase>, outcome: string, companyIds: number[]) =>
          q
            .updateTable("pcx_decisions")
            .set({ status: "applied", outcome, applied_at_ms: appliedAt.getTime() })
            .where("request_id", "=", requestId)
            .where("company_id", "in", companyIds)
            .execute();
        const groups = [...byOutcome];
        if (groups.length === 0) return;
        if (groups.length === 1) {
          const [outcome, companyIds] = groups[0] as [string, number[]];
          await update(db, outcome, companyIds);
          return;
        }
        await dialect.writeTransaction(db, async (trx) => {
          for (const [outcome, companyIds] of groups) await update(trx, outcome, companyIds);
        });
      }),

    listDecisions: (requestId) =>
      run("list decisions", async () => (await decisionsOf(db, requestId)).map(toDecision)),

    listUnappliedDecisions: (limit = 100) =>
      run("list unapplied decisions", async () => {
        const rows = await db
          .selectFrom("pcx_decisions")
          .selectAll()
          .where("status", "=", "intent")
          .orderBy("created_at_ms")
          .orderBy("request_id")
          .orderBy("company_id")
          .limit(limit)
          .execute();
        return rows.map(toDecision);
      }),

    consumeNonce: ({ nonce, requestId, expiresAt, now }) =>
      run("consume a state nonce", async () => {
        // Forget expired nonces first (their states are refused as expired
        // anyway); this keeps the table as small as the live states.
        await db.deleteFrom("pcx_nonces").where("expires_at_ms", "<", now.getTime()).execute();
        // A few rounds at most: each repeat means a concurrent call deleted the row.
        for (let attempt = 0; attempt < 5; attempt++) {
          const inserted = await db
            .insertInto("pcx_nonces")
            .values({ nonce, request_id: requestId, expires_at_ms: expiresAt.getTime() })
            .onConflict((oc) => oc.column("nonce").doNothing())
            .returning("nonce")
            .executeTakeFirst();
          if (inserted) return "consumed";
          const holder = await db
            .selectFrom("pcx_nonces")
            .select("request_id")
            .where("nonce", "=", nonce)
            .executeTakeFirst();
          // Deleted by a concurrent call between the two statements: try again.
          if (holder) return num(holder.request_id) === requestId ? "same_request" : "replayed";
        }
        throw new Error("the nonce row kept vanishing between insert and read");
      }),

    saveActivation: (activation) =>
      run("save an activation", async () => {
        const row = activationRow(activation);
        const { integration_id: _i, company_id: _c, ...changes } = row;
        await db
          .insertInto("pcx_activations")
          .values(row)
          .onConflict((oc) => oc.columns(["integration_id", "company_id"]).doUpdateSet(changes))
          .execute();
      }),

    getActivation: (integrationId, companyId) =>
      run("read an activation", async () => {
        const row = await db
          .selectFrom("pcx_activations")
          .selectAll()
          .where("integration_id", "=", integrationId)
          .where("company_id", "=", companyId)
          .executeTakeFirst();
        return row ? toActivation(row) : undefined;
      }),

    listActivations: (filter = {}) =>
      run("list activations", async () => {
        let query = db.selectFrom("pcx_activations").selectAll();
        if (filter.integrationId !== undefined) {
          query = query.where("integration_id", "=", filter.integrationId);
        }
        if (filter.status !== undefined) query = query.where("status", "=", filter.status);
        const rows = await query.orderBy("integration_id").orderBy("company_id").execute();
        return rows.map(toActivation);
      }),

    replaceSealedApiKey: ({ integrationId, companyId, from, to }) =>
      run("re-seal an API key", async () => {
        const result = await db
          .updateTable("pcx_activations")
          .set({ sealed_api_key: to })
          .where("integration_id", "=", integrationId)
          .where("company_id", "=", companyId)
          .where("sealed_api_key", "=", from)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      }),

    acquireLease: ({ name, holder, ttlMs, now }) =>
      run("acquire a lease", async () => {
        // One atomic upsert in both dialects: take the row when it is new,
        // expired at `now`, or already ours.
        const at = now.getTime();
        const row = await db
          .insertInto("pcx_leases")
          .values({ name, holder, expires_at_ms: at + ttlMs })
          .onConflict((oc) =>
            oc
              .column("name")
              .doUpdateSet((eb) => ({
                holder: eb.ref("excluded.holder"),
                expires_at_ms: eb.ref("excluded.expires_at_ms"),
              }))
              .where((eb) =>
                eb.or([
                  eb("pcx_leases.expires_at_ms", "<=", at),
                  eb("pcx_leases.holder", "=", holder),
                ]),
              ),
          )
          .returning("holder")
          .executeTakeFirst();
        return row?.holder === holder;
      }),

    releaseLease: (name, holder) =>
      run("release a lease", async () => {
        await db
          .deleteFrom("pcx_leases")
          .where("name", "=", name)
          .where("holder", "=", holder)
          .execute();
      }),

    async close() {
      if (closed) return;
      closed = true;
      try {
        await close();
      } catch (error) {
        throw storeError(dialect.name, "close", error);
      }
    },
  };
}
