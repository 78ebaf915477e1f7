import type { SandboxEngine } from "../engine/sandbox-engine.js";
import type { SandboxLogger } from "../sandbox-logger.js";

/** What a handler gets for one request. */
export interface SandboxRequestContext {
  /** The request. Its body can be read once (`readBody` reads it with a size limit). */
  readonly request: Request;
  /**
   * The request's URL. Over HTTP its origin comes from the `Host` header
   * (`http://localhost:4010` when the browser says localhost); in process it
   * is the URL given to `sandbox.fetch`.
   */
  readonly url: URL;
  /** Upper-case. */
  readonly method: string;
  /** The in-process engine: the customer's pages call it directly. */
  readonly engine: SandboxEngine;
  /** The sandbox's public URL, e.g. http://127.0.0.1:4010 (no trailing slash): activation links use it. */
  readonly publicUrl: string;
  readonly log: SandboxLogger;
}

/**
 * A part of the sandbox mounted at a path prefix, tried after /api and
 * /sandbox and before the customer's pages. The first handler whose
 * `prefix` matches the path gets the request (`/` matches everything, so put
 * catch-alls last) and answers it with a Web `Response`; a `SandboxError` it
 * throws is answered in Procountor's error shape.
 */
export interface SandboxHandler {
  /** For logs, e.g. "hello". */
  readonly name: string;
  /** A path prefix on a segment boundary: "/hello" matches /hello and /hello/x, not /hellox. */
  readonly prefix: string;
  handle(context: SandboxRequestContext): Response | Promise<Response>;
}

/** True when `path` is `prefix` or below it. */
export function matchesPrefix(prefix: string, path: string): boolean {
  if (prefix === "/" || prefix === "") return true;
  const base = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  return path === base || path.startsWith(`${base}/`);
}
