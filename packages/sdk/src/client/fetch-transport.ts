import type { ClosableTransport, TransportRequest, TransportResponse } from "./transport.js";

/** Options of `fetchTransport()`. */
export interface FetchTransportOptions {
  /**
   * The `fetch` to call, with one Web `Request`: for example an in-process
   * server's `fetch` in tests (`fetchTransport({ fetch: sandbox.fetch })`).
   * Default: `globalThis.fetch`, looked up on every request (so interceptors
   * such as nock 14, which patch the global, keep working).
   */
  fetch?: (request: Request) => Promise<Response>;
}

/**
 * A transport over the runtime's own `fetch`, with the runtime's own
 * connection handling and no undici dispatcher: for edge runtimes (Workers,
 * Next.js edge, Deno, Bun) and for tests that intercept global fetch (nock) or
 * pass an in-process `fetch`. On Node the default transport is
 * `undiciTransport()`, which costs less CPU per call.
 */
export function fetchTransport(options: FetchTransportOptions = {}): ClosableTransport {
  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      const doFetch = options.fetch ?? globalThis.fetch;
      const response = await doFetch(
        new Request(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          ...(request.signal ? { signal: request.signal } : {}),
        }),
      );
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: response.status, headers, body: await response.text() };
    },
    async close(): Promise<void> {},
  };
}
