import type { Agent } from "undici";
import type { ClosableTransport, TransportRequest, TransportResponse } from "./transport.js";

/** Options of `undiciTransport()`. Timeouts are in milliseconds. */
export interface UndiciTransportOptions {
  /** Keep-alive connections per origin. Default: 16. */
  connections?: number;
  /** TCP + TLS connect timeout. Default: 10_000. */
  connectTimeoutMs?: number;
  /** Time to wait for response headers. Default: 30_000. */
  headersTimeoutMs?: number;
  /** Time allowed between body chunks. Default: 30_000. */
  bodyTimeoutMs?: number;
  /** How long an idle keep-alive socket stays open. Default: 10_000. */
  keepAliveTimeoutMs?: number;
  /**
   * Largest response body accepted, in bytes; a longer one fails the attempt as a
   * network error instead of filling memory. Default: 16 MiB (16_777_216).
   */
  maxResponseBytes?: number;
}

/** Header values as undici's `request` answers them (lower-cased names). */
type UndiciHeaders = Record<string, string | string[] | undefined>;

function flatHeaders(raw: UndiciHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in raw) {
    const value = raw[name];
    if (value === undefined) continue;
    headers[name] = typeof value === "string" ? value : value.join(", ");
  }
  return headers;
}

/** `https://host:port/a/b?c` → [`https://host:port`, `/a/b?c`], without a URL object per call. */
function splitUrl(url: string): [string, string] {
  const slash = url.indexOf("/", url.indexOf("//") + 2);
  if (slash < 0) return [url, "/"];
  return [url.slice(0, slash), url.slice(slash)];
}

/**
 * The default transport on Node: undici's own `request` API on an undici
 * `Agent` (a keep-alive pool per origin, with connect, headers and body
 * timeouts). undici is imported on the first request, not when this module
 * loads, so importing the SDK never loads it and edge bundles keep working
 * as long as they pass another transport.
 *
 * The overall per-request timeout is the client's (`timeoutMs`), applied
 * through `signal`; an abort stops the request and the body read.
 */
export function undiciTransport(options: UndiciTransportOptions = {}): ClosableTransport {
  let agent: Agent | undefined;
  let loading: Promise<Agent> | undefined;
  const load = (): Promise<Agent> => {
    loading ??= import("undici").then(({ Agent: UndiciAgent }) => {
      agent = new UndiciAgent({
        connections: options.connections ?? 16,
        connect: { timeout: options.connectTimeoutMs ?? 10_000 },
        headersTimeout: options.headersTimeoutMs ?? 30_000,
        bodyTimeout: options.bodyTimeoutMs ?? 30_000,
        keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
        maxResponseSize: options.maxResponseBytes ?? 16 * 1024 * 1024,
      });
      return agent;
    });
    return loading;
  };

  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      const pool = agent ?? (await load());
      const [origin, path] = splitUrl(request.url);
      const response = await pool.request({
        origin,
        path,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal: request.signal ?? null,
      });
      const body = await response.body.text();
      return {
        status: response.statusCode,
        headers: flatHeaders(response.headers as UndiciHeaders),
        body,
      };
    },
    async close(): Promise<void> {
      const pool = agent ?? (loading ? await loading : undefined);
      await pool?.close();
    },
  };
}
