import { fetchTransport } from "./fetch-transport.js";
import type { ClosableTransport } from "./transport.js";
import { undiciTransport } from "./undici-transport.js";

/** True on Node itself (not Bun, Deno or an edge runtime that mimics `process`). */
export function isNodeRuntime(): boolean {
  const g = globalThis as {
    process?: { versions?: { node?: unknown; bun?: unknown } };
    Deno?: unknown;
    EdgeRuntime?: unknown;
    navigator?: { userAgent?: unknown };
  };
  return (
    typeof g.process?.versions?.node === "string" &&
    g.process.versions.bun === undefined &&
    g.Deno === undefined &&
    g.EdgeRuntime === undefined &&
    g.navigator?.userAgent !== "Cloudflare-Workers"
  );
}

/**
 * The transport a client builds when none is passed: `undiciTransport()` on
 * Node, `fetchTransport()` elsewhere. Neither loads undici before the first request.
 */
export function defaultTransport(): ClosableTransport {
  return isNodeRuntime() ? undiciTransport() : fetchTransport();
}
