import { hideUrlPassword, isPcxError, PcxError } from "@pcx/sdk";
import { driverErrorCode } from "./sql-dialect.js";

/**
 * Wraps a database error as `pcx_store`: which store and operation failed,
 * the driver's code and message (URL credentials hidden; drivers put
 * statement values in other fields, never in the message), the original error
 * as `cause`. A PcxError passes through unchanged.
 */
export function storeError(dialect: string, operation: string, error: unknown): PcxError {
  if (isPcxError(error)) return error;
  const code = driverErrorCode(error);
  const detail = error instanceof Error ? hideUrlPassword(error.message) : "unknown error";
  return new PcxError(
    "pcx_store",
    `the ${dialect} store failed to ${operation}: ${detail}${code ? ` (${code})` : ""}`,
    {
      cause: error,
      details: { store: dialect, operation, ...(code ? { driverCode: code } : {}) },
      hint:
        dialect === "postgres"
          ? "Check that PostgreSQL is reachable with the configured connection and that its role may use the store's schema and tables."
          : "Check that the SQLite file and its directory are writable and that no other program holds the file locked.",
    },
  );
}
