import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxEngine } from "../engine/sandbox-engine.js";
import type { SandboxLogger } from "../sandbox-options.js";

/** What a handler gets for one HTTP request. */
export interface SandboxRequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The full request URL (parsed against the server's public URL). */
  readonly url: URL;
  readonly method: string;
  /** The in-process engine: the customer's pages call it directly. */
  readonly engine: SandboxEngine;
  /** The server's public URL, e.g. http://127.0.0.1:4010 (no trailing slash). */
  readonly publicUrl: string;
  readonly log: SandboxLogger;
}

/**
 * One part of the sandbox's web server: the partner API (`/api`), the admin
 * routes (`/sandbox`), the customer's pages (`/`). The server tries handlers
 * in order and gives a request to the first whose `prefix` matches its path
 * (`/` matches everything, so put catch-alls last). A handler owns the
 * response: it must answer (or destroy the socket).
 */
export interface SandboxHandler {
  /** For logs, e.g. "api", "admin", "pages". */
  readonly name: string;
  /** A path prefix on a segment boundary: "/api" matches /api and /api/x, not /apix. */
  readonly prefix: string;
  handle(context: SandboxRequestContext): void | Promise<void>;
}

/** True when `path` is `prefix` or below it. */
export function matchesPrefix(prefix: string, path: string): boolean {
  if (prefix === "/" || prefix === "") return true;
  const base = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  return path === base || path.startsWith(`${base}/`);
}
