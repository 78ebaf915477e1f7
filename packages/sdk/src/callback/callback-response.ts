import type { CallbackResponse } from "./callback-options.js";

/**
 * Headers of every built-in answer: never cached (it is about one request),
 * no Referer leaves the page (the URL carries the state), no scripts, no framing.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

export function htmlResponse(
  status: number,
  html: string,
  extra: Record<string, string> = {},
): Response {
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", ...PAGE_HEADERS, ...extra },
  });
}

/** A 303 to `location` (the browser GETs it). */
export function redirectResponse(location: string | URL): Response {
  return new Response(null, {
    status: 303,
    headers: {
      location: String(location),
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    },
  });
}

/** The integrator's answer as a Response: kept as is, or a redirect to a URL. */
export function toResponse(answer: CallbackResponse): Response {
  return answer instanceof Response ? answer : redirectResponse(answer);
}

/** HEAD gets the status and headers of GET, without the body. */
export function withoutBody(response: Response): Response {
  return new Response(null, { status: response.status, headers: response.headers });
}
