/**
 * The seam between the client and the network. The client builds requests
 * from the route table and hands them to a Transport. The default on Node is
 * `undiciTransport()` (undici's own `request` on a keep-alive `Agent`); on
 * other runtimes it is `fetchTransport()` (the runtime's global `fetch`).
 * Edge runtimes (Workers, Next.js edge) and tests that intercept global fetch
 * pass `fetchTransport()` explicitly, or a transport of their own.
 *
 * A Transport answers every HTTP status as a response (4xx and 5xx included)
 * and throws only when no response arrived: a network failure, or an abort
 * through `signal`. The client turns both into `PcxError`s and decides on retries.
 */
export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
  /**
   * True when the transport enforces `request.timeoutMs` itself: it stops the
   * request and rejects with a `pcx_timeout` PcxError once the time is up. The
   * client then passes only the caller's `signal`, and keeps no timer and no
   * AbortController of its own. Default: false (the client aborts through
   * `signal` and stops waiting after `timeoutMs`).
   */
  readonly handlesTimeout?: boolean;
}

export interface TransportRequest {
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  /** Absolute URL including the query string. */
  url: string;
  /** Header names as the client sets them (case preserved). */
  headers: Record<string, string>;
  /** Already encoded (JSON or form); absent for GET. */
  body?: string;
  /**
   * Aborts the request and the body read: the caller's signal, combined with
   * the per-attempt timeout unless the transport `handlesTimeout`.
   */
  signal?: AbortSignal;
  /** The attempt's time budget (headers and body), in milliseconds. */
  timeoutMs?: number;
}

export interface TransportResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The whole body as text ("" when empty). */
  body: string;
}

/** A Transport that can release its pooled connections. */
export interface ClosableTransport extends Transport {
  /** Closes the pool's idle sockets; in-flight requests finish first. */
  close(): Promise<void>;
}
