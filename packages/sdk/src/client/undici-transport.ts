import type { Agent, Dispatcher } from "undici";
import { PcxError } from "../errors/index.js";
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

/** undici, imported once per process, when the first transport is made. */
let undiciModule: Promise<typeof import("undici")> | undefined;

function importUndici(): Promise<typeof import("undici")> {
  if (!undiciModule) {
    undiciModule = import("undici");
    // A failed import is reported by the request that needs it, not as unhandled.
    undiciModule.catch(() => {});
  }
  return undiciModule;
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

const decoder = new TextDecoder();

/** The chunks of a body as one array (no copy for a body that came in one chunk). */
function concat(chunks: Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

/** `https://host:port/a/b?c` → [`https://host:port`, `/a/b?c`], without a URL object per call. */
function splitUrl(url: string): [string, string] {
  const slash = url.indexOf("/", url.indexOf("//") + 2);
  if (slash < 0) return [url, "/"];
  return [url.slice(0, slash), url.slice(slash)];
}

/**
 * The default transport on Node: undici's own API end to end, on an undici
 * `Agent` (a keep-alive pool per origin, with connect, headers and body
 * timeouts). Each request is `Agent.dispatch` with a handler that collects the
 * body (`dispatch` is the primitive under undici's `request`; collecting the
 * chunks directly skips `request`'s stream layer). undici is imported when the
 * first such transport is made (the Agent on its first request), never when
 * this module loads: importing the SDK does not load undici, and edge bundles
 * that pass another transport never run it.
 *
 * It enforces the client's per-attempt `timeoutMs` itself (one timer, no
 * AbortController) and honours `signal`; either stops the request and the
 * body read.
 */
export function undiciTransport(options: UndiciTransportOptions = {}): ClosableTransport {
  // Start loading undici now, so that the first request does not wait for all of it.
  void importUndici();
  let agent: Agent | undefined;
  let loading: Promise<Agent> | undefined;
  const load = (): Promise<Agent> => {
    loading ??= importUndici().then(({ Agent: UndiciAgent }) => {
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
    handlesTimeout: true,
    request(request: TransportRequest): Promise<TransportResponse> {
      return new Promise<TransportResponse>((resolve, reject) => {
        const { signal, timeoutMs } = request;
        let settled = false;
        let controller: Dispatcher.DispatchController | undefined;
        let abortReason: unknown;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const finish = (): boolean => {
          if (settled) return false;
          settled = true;
          if (timer !== undefined) clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          return true;
        };
        const fail = (error: unknown): void => {
          if (finish()) reject(error);
        };
        const abort = (reason: unknown): void => {
          abortReason = reason;
          fail(reason);
          controller?.abort(reason as Error);
        };
        const onAbort = (): void => abort(signal?.reason);
        if (signal?.aborted) return void reject(signal.reason);
        signal?.addEventListener("abort", onAbort, { once: true });
        if (timeoutMs !== undefined) {
          timer = setTimeout(
            () => abort(new PcxError("pcx_timeout", `timed out after ${timeoutMs} ms`)),
            timeoutMs,
          );
        }

        let status = 0;
        let headers: Record<string, string> = {};
        const chunks: Uint8Array[] = [];
        const handler: Dispatcher.DispatchHandler = {
          onRequestStart(started) {
            controller = started;
            if (abortReason !== undefined) started.abort(abortReason as Error);
          },
          onResponseStart(_, statusCode, rawHeaders) {
            status = statusCode;
            headers = flatHeaders(rawHeaders as UndiciHeaders);
          },
          onResponseData(_, chunk) {
            chunks.push(chunk);
          },
          onResponseEnd() {
            if (finish()) resolve({ status, headers, body: decoder.decode(concat(chunks)) });
          },
          onResponseError(_, error) {
            fail(error);
          },
        };
        const dispatch = (pool: Agent): void => {
          if (settled) return;
          const [origin, path] = splitUrl(request.url);
          pool.dispatch(
            {
              origin,
              path,
              method: request.method,
              headers: request.headers,
              body: request.body ?? null,
            },
            handler,
          );
        };
        if (agent) dispatch(agent);
        else load().then(dispatch, fail);
      });
    },
    async close(): Promise<void> {
      const pool = agent ?? (loading ? await loading : undefined);
      await pool?.close();
    },
  };
}
