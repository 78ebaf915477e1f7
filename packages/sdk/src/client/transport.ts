/**
 * The seam between the client and the network. The client builds requests
 * from the route table and hands them to a Transport; the default is
 * `fetchTransport()` (Node's global `fetch` with an undici keep-alive pool),
 * and edge runtimes (Workers, Next.js edge) pass `fetchTransport({ dispatcher: false })`
 * or their own implementation.
 *
 * A Transport answers every HTTP status as a response (4xx and 5xx included)
 * and throws only when no response arrived: a network failure, or an abort
 * through `signal`. The client turns both into `PcxError`s and decides on retries.
 */
export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
}

export interface TransportRequest {
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  /** Absolute URL including the query string. */
  url: string;
  /** Header names as the client sets them (case preserved). */
  headers: Record<string, string>;
  /** Already encoded (JSON or form); absent for GET. */
  body?: string;
  /** Aborts the request and the body read; the client sets it for its per-request timeout. */
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The whole body as text ("" when empty). */
  body: string;
}
