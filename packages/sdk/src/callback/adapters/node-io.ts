import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallbackInput } from "../callback-input.js";
import type { CallbackHandler } from "../callback-options.js";
import type { CallbackOutput } from "../callback-output.js";
import { fastPathOf } from "../node-fast-path.js";

/**
 * A Web `Request` for a node:http request: method, URL (path and query;
 * the host is not trusted and not needed) and headers. The body is never
 * read: the callback is a GET. Undefined when the Request constructor refuses
 * it (methods such as TRACE, malformed headers).
 */
export function toWebRequest(req: IncomingMessage, url = req.url ?? "/"): Request | undefined {
  try {
    const headers = new Headers();
    const raw = req.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      headers.append(raw[i] as string, raw[i + 1] as string);
    }
    return new Request(new URL(url, "http://localhost"), { method: req.method ?? "GET", headers });
  } catch {
    return undefined;
  }
}

/** The answer when not even a URL can be made of the request: never a callback. */
function refusedByRuntime(method: string | undefined): CallbackOutput {
  const notGet = method !== "GET" && method !== "HEAD";
  return {
    kind: "page",
    status: notGet ? 405 : 400,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      ...(notGet ? { allow: "GET, HEAD" } : {}),
    },
    body: notGet ? "The callback answers GET only.\n" : "Not a callback request.\n",
  };
}

/**
 * Runs the handler for a node:http request. A handler made by
 * `createCallbackHandler` is called without Web objects (a `Request` is made
 * only if a hook reads `httpRequest`); any other goes through `handle`.
 */
export async function callbackOutputFor(
  handler: CallbackHandler,
  req: IncomingMessage,
  url = req.url ?? "/",
): Promise<CallbackOutput> {
  const method = req.method ?? "GET";
  const fast = fastPathOf(handler);
  if (fast) {
    let absolute: URL;
    try {
      absolute = new URL(url, "http://localhost");
    } catch {
      return refusedByRuntime(method);
    }
    let made: Request | null | undefined;
    const input: CallbackInput = {
      method,
      url: absolute.href,
      query: absolute.searchParams,
      request: () => {
        if (made === undefined) made = toWebRequest(req, url) ?? null;
        return made;
      },
    };
    return fast(input);
  }
  const request = toWebRequest(req, url);
  if (!request) return refusedByRuntime(method);
  return { kind: "response", response: await handler.handle(request) };
}

/** Writes a Web `Response` to a node:http response (status, headers with every Set-Cookie, body). */
export async function sendWebResponse(
  res: ServerResponse,
  response: Response,
  head = false,
): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (head || response.body === null) {
    res.end();
    return;
  }
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Writes the handler's answer to a node:http response; HEAD gets no body. */
export async function writeCallbackOutput(
  res: ServerResponse,
  output: CallbackOutput,
  head: boolean,
): Promise<void> {
  if (output.kind === "response") {
    await sendWebResponse(res, output.response, head);
    return;
  }
  const body = output.body;
  // A length, so the answer is not chunked; the body as a string, so Node
  // sends it in one write with the head (a Buffer goes out as a second chunk).
  res.writeHead(output.status, {
    ...output.headers,
    "content-length": String(body === null ? 0 : Buffer.byteLength(body)),
  });
  res.end(head || body === null ? undefined : body);
}
