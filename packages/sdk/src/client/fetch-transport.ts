import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

/** Options of `fetchTransport()`. Timeouts are in milliseconds. */
export interface FetchTransportOptions {
  /**
   * The `fetch` to call. Default: `globalThis.fetch`, looked up on every request
   * (so test interceptors such as nock 14, which patch the global, keep working).
   */
  fetch?: typeof fetch;
  /**
   * Connection pool: `undefined` (default) creates an undici 7 `Agent` on the
   * first request (loaded lazily, so importing the SDK stays cheap) and passes it
   * as fetch's `dispatcher`; `false` uses the runtime's own pool (edge runtimes,
   * where undici does not run); any other value is passed as `dispatcher` as is.
   */
  dispatcher?: false | object;
  /** Keep-alive connections per origin in the default Agent. Default: 16. */
  connections?: number;
  /** TCP + TLS connect timeout of the default Agent. Default: 10_000. */
  connectTimeoutMs?: number;
  /** Time to wait for response headers, in the default Agent. Default: 30_000. */
  headersTimeoutMs?: number;
  /** Time allowed between body chunks, in the default Agent. Default: 30_000. */
  bodyTimeoutMs?: number;
  /** How long an idle keep-alive socket stays open, in the default Agent. Default: 10_000. */
  keepAliveTimeoutMs?: number;
}

/** A Transport that can release its pooled connections. */
export interface ClosableTransport extends Transport {
  /** Closes the pool's idle sockets; in-flight requests finish first. */
  close(): Promise<void>;
}

/**
 * The default transport: global `fetch`, with an undici `Agent` as `dispatcher`
 * for a keep-alive pool with a connection limit and connect/headers/body
 * timeouts. The overall per-request timeout is the client's (`timeoutMs`),
 * applied through `signal`.
 */
export function fetchTransport(options: FetchTransportOptions = {}): ClosableTransport {
  let agent: Promise<object | undefined> | undefined;
  let created: { close(): Promise<void> } | undefined;

  const dispatcher = (): Promise<object | undefined> => {
    if (options.dispatcher === false) return Promise.resolve(undefined);
    if (options.dispatcher !== undefined) return Promise.resolve(options.dispatcher);
    agent ??= import("undici").then(({ Agent }) => {
      const pool = new Agent({
        connections: options.connections ?? 16,
        connect: { timeout: options.connectTimeoutMs ?? 10_000 },
        headersTimeout: options.headersTimeoutMs ?? 30_000,
        bodyTimeout: options.bodyTimeoutMs ?? 30_000,
        keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
      });
      created = pool;
      return pool;
    });
    return agent;
  };

  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      const doFetch = options.fetch ?? globalThis.fetch;
      const pool = await dispatcher();
      // `dispatcher` is undici's extension of RequestInit; Node's fetch honours it.
      const init: RequestInit & { dispatcher?: object } = {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(request.signal ? { signal: request.signal } : {}),
        ...(pool ? { dispatcher: pool } : {}),
      };
      const response = await doFetch(request.url, init);
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: response.status, headers, body: await response.text() };
    },
    async close(): Promise<void> {
      await agent;
      await created?.close();
    },
  };
}
