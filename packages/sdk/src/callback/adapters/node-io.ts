import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A Web `Request` for a node:http request: method, URL (path and query;
 * the host is not trusted and not needed) and headers. The body is never
 * read: the callback is a GET. Undefined when the Request constructor refuses
 * it (methods such as TRACE, malformed headers); answer `refusedByRuntime` then.
 */
export function toWebRequest(req: IncomingMessage, url = req.url ?? "/"): Request | undefined {
  try {
    const headers = new Headers();
    const raw = req.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2)
      headers.append(raw[i] as string, raw[i + 1] as string);
    return new Request(new URL(url, "http://localhost"), {
      method: req.method ?? "GET",
      headers,
    });
  } catch {
    return undefined;
  }
}

/** The answer when the runtime cannot even make a Request of it: never a callback. */
export function refusedByRuntime(method: string | undefined): Response {
  const notGet = method !== "GET" && method !== "HEAD";
  return new Response(notGet ? "The callback answers GET only.\n" : "Not a callback request.\n", {
    status: notGet ? 405 : 400,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      ...(notGet ? { allow: "GET, HEAD" } : {}),
    },
  });
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
