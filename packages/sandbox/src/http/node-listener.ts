import { type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { API_ERROR_CODES } from "@pcx/sdk/contract";
import type { SandboxLogger } from "../sandbox-logger.js";
import { errorBody, errorResponse, isDrop, toSandboxError } from "./http-io.js";
import {
  bodyStream,
  checkMethod,
  hasBody,
  headersOf,
  originOf,
  targetUrl,
} from "./node-request.js";
import type { SandboxFetchCore } from "./sandbox-core.js";

/**
 * What is left of a body the sandbox did not read (a 413, a 404 to a POST)
 * is read and thrown away, up to this many bytes, before the answer goes
 * out, so the connection stays usable. Beyond it the answer says
 * `Connection: close`.
 */
export const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

/** How long draining may take before the answer goes out with `Connection: close`. */
const DRAIN_TIMEOUT_MS = 10_000;

/** Reads and discards the rest of `req`; true when it ended within the limits. */
function drain(req: IncomingMessage): Promise<boolean> {
  if (req.complete) return Promise.resolve(true);
  // A declared body beyond the limit is not waited for: answer and close at once.
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > DRAIN_LIMIT_BYTES) return Promise.resolve(false);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
      resolve(ok);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_LIMIT_BYTES) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(req.complete);
    const timer = setTimeout(() => finish(false), DRAIN_TIMEOUT_MS);
    timer.unref();
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
    req.resume();
  });
}

async function writeResponse(
  res: ServerResponse,
  response: Response,
  close: boolean,
): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  if (response.status !== 204 && response.status !== 304)
    headers["content-length"] = String(body.length);
  if (close) headers.connection = "close";
  res.writeHead(response.status, headers);
  res.end(body);
}

export interface NodeListenerOptions {
  /** The origin of requests without a Host header (HTTP/1.0), e.g. http://127.0.0.1:4010. */
  fallbackOrigin: () => string;
  log: SandboxLogger;
}

/**
 * The node:http adapter of the fetch core: IncomingMessage → Request (URL
 * from the Host header and the request-target, both checked here, inside
 * the error handling), Response → ServerResponse. An answer that stands
 * for a dropped connection (chaos) destroys the socket.
 */
export function nodeListener(core: SandboxFetchCore, options: NodeListenerOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? "GET";
    let body: ReturnType<typeof bodyStream> | undefined;
    const answer = async (): Promise<Response> => {
      try {
        checkMethod(method);
        const url = targetUrl(req.url ?? "/", originOf(req, options.fallbackOrigin()));
        const headers = headersOf(req);
        const withBody = method !== "GET" && method !== "HEAD" && hasBody(req);
        body = withBody ? bodyStream(req) : undefined;
        const request = new Request(url, {
          method,
          headers,
          ...(body ? { body: body.stream, duplex: "half" } : {}),
        } as RequestInit);
        return await core(request);
      } catch (caught) {
        return errorResponse(toSandboxError(caught));
      }
    };
    answer()
      .then(async (response) => {
        body?.detach();
        if (isDrop(response)) {
          req.socket.destroy();
          return;
        }
        const drained = await drain(req);
        if (res.destroyed || res.headersSent) return;
        await writeResponse(res, response, !drained);
      })
      .catch((error: unknown) => {
        options.log.error(`sandbox bug: could not answer: ${String(error)}`);
        if (res.headersSent || res.destroyed) {
          res.destroy();
          return;
        }
        const bug = toSandboxError(error);
        const text = JSON.stringify(errorBody(bug.items));
        res.writeHead(500, {
          "content-type": "application/json; charset=utf-8",
          "content-length": String(Buffer.byteLength(text)),
          connection: "close",
        });
        res.end(text);
      });
  };
}

/** A raw HTTP/1.1 answer in Procountor's error shape, for requests node:http refused before routing. */
function rawError(status: number, code: string, message: string): string {
  const text = JSON.stringify(errorBody([{ field: null, message, code }]));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(text)}`,
    "Cache-Control: no-store",
    "Connection: close",
    "",
    text,
  ].join("\r\n");
}

/**
 * Answers what node:http refuses before a request exists (a malformed
 * request line or header, headers too large, a timeout, CONNECT, an
 * unknown Expect) in Procountor's error shape instead of a bare status
 * line, then closes the connection. See docs/security.md "The sandbox".
 */
export function answerProtocolErrors(server: Server): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Never write into an answer already under way (Node's own rule for this event).
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, code, message] =
      error.code === "HPE_HEADER_OVERFLOW"
        ? [431, API_ERROR_CODES.HEADERS_TOO_LARGE, "The request's headers are too large."]
        : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? [408, API_ERROR_CODES.REQUEST_TIMEOUT, "The request took too long to arrive."]
          : [
              400,
              API_ERROR_CODES.BAD_REQUEST,
              `The request is not valid HTTP/1.1 (${String(error.code ?? "parse error").slice(0, 60)}).`,
            ];
    socket.end(rawError(status, code, message));
  });
  server.on("connect", (_req: IncomingMessage, socket: Duplex) => {
    socket.end(
      rawError(405, API_ERROR_CODES.METHOD_NOT_ALLOWED, "CONNECT is not allowed on the sandbox."),
    );
  });
  server.on("checkExpectation", (_req: IncomingMessage, res: ServerResponse) => {
    const text = JSON.stringify(
      errorBody([
        {
          field: "Expect",
          message: "Only Expect: 100-continue is understood.",
          code: API_ERROR_CODES.INVALID,
        },
      ]),
    );
    res.writeHead(417, {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(text)),
      connection: "close",
    });
    res.end(text);
  });
}
