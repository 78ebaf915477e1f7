import { PcxError } from "../errors/index.js";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

/**
 * One transport call bounded by `timeoutMs` (headers and body) and by the
 * caller's `signal`. On timeout it rejects with a `pcx_timeout` PcxError; on
 * the caller's abort with the signal's reason. It races the transport as well
 * as aborting it, so a custom transport that ignores `signal` cannot hang a call.
 */
export async function sendWithTimeout(
  transport: Transport,
  request: Omit<TransportRequest, "signal">,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<TransportResponse> {
  const controller = new AbortController();
  let rejectEarly: (reason: unknown) => void = () => {};
  const early = new Promise<never>((_, reject) => {
    rejectEarly = reject;
  });
  const timer = setTimeout(() => {
    const timeout = new PcxError("pcx_timeout", `timed out after ${timeoutMs} ms`);
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
      transport.request({ ...request, signal: controller.signal }),
      early,
    ]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
