import { PcxError } from "../errors/index.js";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

/**
 * One transport call bounded by `timeoutMs` (headers and body) and by the
 * caller's `signal`. On timeout it rejects with a `pcx_timeout` PcxError; on
 * the caller's abort with the signal's reason.
 *
 * A transport that `handlesTimeout` (the default undici one) gets the budget
 * and the caller's signal as they are. For any other, the client aborts it
 * through an AbortController and races it as well, so a custom transport that
 * ignores `signal` cannot hang a call.
 */
export function sendWithTimeout(
  transport: Transport,
  request: Omit<TransportRequest, "signal" | "timeoutMs">,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<TransportResponse> {
  if (transport.handlesTimeout) {
    return transport.request(
      signal ? { ...request, signal, timeoutMs } : { ...request, timeoutMs },
    );
  }
  return raceTimeout(transport, request, signal, timeoutMs);
}

async function raceTimeout(
  transport: Transport,
  request: Omit<TransportRequest, "signal" | "timeoutMs">,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<TransportResponse> {
  const controller = new AbortController();
  let rejectEarly: (reason: unknown) => void = () => {};
  const early = new Promise<never>((_, reject) => {
    rejectEarly = reject;
  });
  let timeout: PcxError | undefined;
  const timer = setTimeout(() => {
    timeout = new PcxError("pcx_timeout", `timed out after ${timeoutMs} ms`);
    controller.abort(timeout);
    rejectEarly(timeout);
  }, timeoutMs);
  const onAbort = (): void => {
    controller.abort(signal?.reason);
    rejectEarly(signal?.reason);
  };
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return await Promise.race([
      transport.request({ ...request, signal: controller.signal, timeoutMs }),
      early,
    ]);
  } catch (error) {
    // Once the timer fired, whatever the aborted transport threw is a timeout.
    if (timeout && !signal?.aborted) throw timeout;
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
