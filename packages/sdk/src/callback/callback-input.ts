/**
 * What the core reads of a callback request: the method and the URL, and
 * the browser's request as a Web `Request` for the hooks, made only when a
 * hook asks for it (the Node adapters skip building it otherwise).
 */
export interface CallbackInput {
  method: string;
  /** Absolute; only its path and query are read. */
  url: string;
  /** The URL's query, when the adapter has already parsed the URL (read from `url` otherwise). */
  query?: URLSearchParams;
  /** Null when the runtime cannot represent it (e.g. a TRACE request): never for a GET. */
  request(): Request | null;
}

export function inputOf(request: Request): CallbackInput {
  return { method: request.method, url: request.url, request: () => request };
}
