import type { MutationOptions } from "./client-options.js";
import type { ExecuteInput } from "./request-executor.js";

/** The executor inputs carried by per-call options (signal, timeout, idempotency key). */
export function callInput(
  options: MutationOptions = {},
): Pick<ExecuteInput, "signal" | "timeoutMs" | "idempotencyKey"> {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
  };
}
