// @pcx/sdk/callback/fetch: the callback handler for Fetch runtimes
// (Next.js route handlers, Hono, Bun, Deno, Cloudflare Workers).
import type { CallbackHandler } from "../callback-options.js";

type Handle = (request: Request) => Promise<Response>;

/** The handler's `handle`, bound, under the names Fetch frameworks look for. */
export interface FetchCallback {
  /** Bun.serve, Deno.serve, Workers' `export default`. */
  fetch: Handle;
  /** Next.js route handlers: `export const { GET, HEAD, POST } = fetchCallback(handler)`. */
  GET: Handle;
  HEAD: Handle;
  POST: Handle;
  PUT: Handle;
  PATCH: Handle;
  DELETE: Handle;
  OPTIONS: Handle;
}

/**
 * The handler for Fetch runtimes:
 * - Next.js (app router): `export const { GET, HEAD } = fetchCallback(handler)`;
 * - Hono: `app.all("/procountor/callback", (c) => callback.fetch(c.req.raw))`;
 * - Bun / Deno / Workers: `fetch: callback.fetch`.
 */
export function fetchCallback(handler: CallbackHandler): FetchCallback {
  const handle: Handle = (request) => handler.handle(request);
  return {
    fetch: handle,
    GET: handle,
    HEAD: handle,
    POST: handle,
    PUT: handle,
    PATCH: handle,
    DELETE: handle,
    OPTIONS: handle,
  };
}
