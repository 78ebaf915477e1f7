import type { CallbackResponse } from "./callback-options.js";

/**
 * What the core answers, before it becomes a Web `Response` (`handle`) or is
 * written straight to a node:http response (the Node adapters, which so skip
 * building a Response and reading its body back through a stream):
 * a page or redirect of pcx's own, or the integrator's own `Response`.
 */
export type CallbackOutput =
  | { kind: "page"; status: number; headers: Record<string, string>; body: string | null }
  | { kind: "response"; response: Response };

/**
 * Headers of every built-in answer: never cached (it is about one request),
 * no Referer leaves the page (the URL carries the state), no scripts, no framing.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

export function htmlPage(
  status: number,
  html: string | null,
  extra: Record<string, string> = {},
): CallbackOutput {
  return { kind: "page", status, headers: { ...PAGE_HEADERS, ...extra }, body: html };
}

/** A 303 to `location` (the browser GETs it). */
export function redirectTo(location: string | URL): CallbackOutput {
  return {
    kind: "page",
    status: 303,
    headers: {
      location: String(location),
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    },
    body: null,
  };
}

/** The integrator's answer: its Response as is, or a redirect to its URL. */
export function integratorAnswer(answer: CallbackResponse): CallbackOutput {
  return answer instanceof Response ? { kind: "response", response: answer } : redirectTo(answer);
}

/** The output as a Web Response; HEAD gets the status and headers without the body. */
export function toWebResponse(output: CallbackOutput, head: boolean): Response {
  if (output.kind === "page") {
    return new Response(head ? null : output.body, {
      status: output.status,
      headers: output.headers,
    });
  }
  const { response } = output;
  return head
    ? new Response(null, { status: response.status, headers: response.headers })
    : response;
}
