import type { ClientLogger } from "@pcx/sdk";

type Data = Record<string, unknown> | undefined;

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));

/**
 * `--verbose`: one line per HTTP request, response, retry and token event on
 * stderr. Everything the client hands its logger is already redacted
 * (secret-named fields, bearer tokens, and the exact values of this client's
 * secret, API key and token), and only names, URLs, statuses and timings are
 * printed here: no headers, no bodies.
 */
export function createHttpTrace(write: (line: string) => void): ClientLogger {
  return {
    debug(message: string, data: Data) {
      const d = data ?? {};
      switch (message) {
        case "pcx request":
          write(
            `→ ${text(d.method)} ${text(d.url)} (${text(d.operationId)}, attempt ${text(d.attempt)})`,
          );
          return;
        case "pcx response": {
          const id = d.requestId ? ` [${text(d.requestId)}]` : "";
          write(`← ${text(d.status)} ${text(d.operationId)} in ${text(d.durationMs)} ms${id}`);
          return;
        }
        case "pcx retry": {
          const status = d.status !== undefined ? ` ${text(d.status)}` : "";
          const after = d.retryAfter === true ? " (Retry-After)" : "";
          write(
            `↻ ${text(d.operationId)}: ${text(d.code)}${status} on attempt ${text(d.attempt)}; retrying in ${text(d.delayMs)} ms${after}`,
          );
          return;
        }
        case "pcx token":
          write(`· access token received, expires in ${text(d.expiresInSec)} s`);
          return;
        default:
          write(`· ${message}${d.operationId ? ` (${text(d.operationId)})` : ""}`);
      }
    },
  };
}
