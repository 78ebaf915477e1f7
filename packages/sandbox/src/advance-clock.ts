import { API_ERROR_CODES, type ApiErrorCode, ApiErrorCodeSchema } from "@pcx/sdk/contract";
import type { ClockReading } from "./engine/sandbox-clock.js";
import { SandboxError } from "./sandbox-error.js";

/** What `advanceClock` answers: the new time, the total offset, and the requests it expired. */
export type AdvancedClock = ClockReading & { expired: number[] };

export interface AdvanceClockOptions {
  /** The fetch to call the sandbox with. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * Moves a running sandbox's clock forward (`POST {sandboxUrl}/sandbox/clock`),
 * for tests against a sandbox in another process (`pcx sandbox`): pending
 * requests past their expiry time out at once, and access tokens age, without
 * waiting. `by` is milliseconds or a duration such as "16m" or "1h30m". In
 * the same process, `sandbox.advanceClock(ms)` does the same without HTTP.
 * Throws a `SandboxError` with the sandbox's message when it refuses (a
 * negative or over-a-year step).
 */
export async function advanceClock(
  sandboxUrl: string,
  by: number | string,
  options: AdvanceClockOptions = {},
): Promise<AdvancedClock> {
  const call = options.fetch ?? fetch;
  const response = await call(new URL("/sandbox/clock", sandboxUrl), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(typeof by === "number" ? { ms: by } : { by }),
  });
  const body = (await response.json().catch(() => undefined)) as
    | AdvancedClock
    | { errors?: { field?: string | null; message?: string; code?: string }[] }
    | undefined;
  if (!response.ok || !body || !("now" in body)) {
    const first = body && "errors" in body ? body.errors?.[0] : undefined;
    const known = ApiErrorCodeSchema.safeParse(first?.code);
    const code: ApiErrorCode = known.success
      ? known.data
      : response.status === 404
        ? API_ERROR_CODES.NOT_FOUND
        : API_ERROR_CODES.INTERNAL_ERROR;
    throw new SandboxError(
      response.status,
      code,
      first?.message ??
        `The sandbox at ${sandboxUrl} answered ${response.status} to POST /sandbox/clock; is it a pcx sandbox?`,
      first?.field ?? null,
    );
  }
  return body;
}
