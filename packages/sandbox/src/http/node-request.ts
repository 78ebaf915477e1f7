import type { IncomingMessage } from "node:http";
import { API_ERROR_CODES } from "@pcx/sdk/contract";
import { SandboxError } from "../sandbox-error.js";

/** Methods a Web `Request` cannot carry (the fetch standard forbids them); no route takes them. */
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/** A Host header: a name or an IPv4/IPv6 literal, an optional port. Nothing else (no path, user or spaces). */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9.])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

function badRequest(message: string, field: string | null = null): SandboxError {
  return new SandboxError(400, API_ERROR_CODES.BAD_REQUEST, message, field);
}

/**
 * The origin a request speaks to: `http://` + its Host header, so an
 * answer's own links and the same-origin checks see the name the client
 * used. A request without Host (HTTP/1.0) speaks to `fallbackOrigin`.
 */
export function originOf(req: IncomingMessage, fallbackOrigin: string): string {
  const host = req.headers.host;
  if (host === undefined || host === "") {
    if (req.httpVersion === "1.0") return fallbackOrigin;
    throw badRequest("Send a Host header (HTTP/1.1 requires one).", "Host");
  }
  if (!HOST.test(host))
    throw badRequest(
      "The Host header is not a host name or address with an optional port.",
      "Host",
    );
  try {
    return new URL(`http://${host}`).origin;
  } catch {
    throw badRequest(
      "The Host header is not a host name or address with an optional port.",
      "Host",
    );
  }
}

/**
 * The request-target as a URL on `origin`. Only the origin form (`/path?query`)
 * and the absolute form (`http://host/path`, whose path and query are used)
 * are served; anything else (`*`, `host:port`, garbage) is a 400. Parsed
 * here, inside the error handling: a target such as `//[` is a path, not
 * a scheme-relative URL with a broken host.
 */
export function targetUrl(target: string, origin: string): URL {
  if (target.startsWith("/")) {
    try {
      return new URL(`${origin}${target}`);
    } catch {
      throw badRequest("The request-target is not a valid path.");
    }
  }
  let absolute: URL | undefined;
  try {
    absolute = new URL(target);
  } catch {
    absolute = undefined;
  }
  if (absolute && (absolute.protocol === "http:" || absolute.protocol === "https:"))
    return new URL(`${origin}${absolute.pathname}${absolute.search}`);
  throw badRequest("The request-target must be a path such as /api/integrations.");
}

/** The request's headers as a Web `Headers` (repeated headers joined, as fetch does). */
export function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  try {
    for (let i = 0; i + 1 < raw.length; i += 2)
      headers.append(raw[i] as string, raw[i + 1] as string);
  } catch {
    throw badRequest("A request header has a name or value that HTTP does not allow.");
  }
  return headers;
}

/** True when the request announces a body (a length above 0, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  if (length !== undefined) return length !== "0";
  return req.headers["transfer-encoding"] !== undefined;
}

/** 405 for a method no route takes and a Web `Request` cannot carry. */
export function checkMethod(method: string): void {
  if (FORBIDDEN_METHODS.has(method))
    throw new SandboxError(
      405,
      API_ERROR_CODES.METHOD_NOT_ALLOWED,
      `${method} is not allowed on the sandbox.`,
    );
}

/**
 * The body of `req` as a ReadableStream, read only as the reader asks
 * (highWaterMark 0, the socket paused in between). `detach()` stops
 * feeding the stream, so the caller can drain what is left.
 */
export function bodyStream(req: IncomingMessage): {
  stream: ReadableStream<Uint8Array>;
  detach(): void;
} {
  let started = false;
  let done = false;
  let onData: ((chunk: Buffer) => void) | undefined;
  let onEnd: (() => void) | undefined;
  let onError: ((error: Error) => void) | undefined;
  const detach = () => {
    done = true;
    if (onData) req.off("data", onData);
    if (onEnd) req.off("end", onEnd);
    if (onError) req.off("error", onError);
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (done) return;
        if (!started) {
          started = true;
          onData = (chunk) => {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 0) <= 0) req.pause();
          };
          onEnd = () => {
            detach();
            controller.close();
          };
          onError = (error) => {
            detach();
            controller.error(error);
          };
          req.on("data", onData);
          req.on("end", onEnd);
          req.on("error", onError);
        }
        req.resume();
      },
      cancel() {
        detach();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, detach };
}
