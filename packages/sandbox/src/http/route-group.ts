import type { SandboxError } from "../sandbox-error.js";
import type { RouteEntry } from "./router.js";
import type { SandboxRequestContext } from "./sandbox-handler.js";

/** Answers one routed request; `params` are the raw (undecoded) path parameters. */
export type RouteRun = (
  context: SandboxRequestContext,
  params: Record<string, string>,
) => Response | Promise<Response>;

/**
 * One part of the sandbox's URL space (the API, the admin routes, the
 * customer's pages): its routes go into the one router; the group says how
 * its errors look and what runs around every request to it.
 */
export interface RouteGroup {
  readonly name: string;
  /** The paths this group answers (its 404s included): "/api", "/sandbox", or "/" for the rest. */
  readonly prefix: string;
  readonly routes: readonly RouteEntry<RouteRun>[];
  /** What the 404 says for a path in this group. */
  notFoundMessage(method: string, path: string): string;
  /** An error (404, 405, a refusal, a bug) as this group's answer: Procountor's JSON shape or a page. */
  answerError(context: SandboxRequestContext, error: SandboxError): Response | Promise<Response>;
  /**
   * Runs around every request to the group, routed or not (chaos and
   * latency for the API, the Host check for the admin routes). Default: `next()`.
   */
  around?(context: SandboxRequestContext, next: () => Promise<Response>): Promise<Response>;
}
