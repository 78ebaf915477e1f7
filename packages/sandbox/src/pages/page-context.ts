import type { SandboxEngine } from "../engine/sandbox-engine.js";
import type { SandboxRequestContext } from "../http/sandbox-handler.js";
import type { UserRow } from "../store/directory-repo.js";
import type { Handoffs } from "./handoff.js";
import type { SafeHtml } from "./html.js";
import type { PageLocale } from "./locale.js";
import type { Messages } from "./messages-en.js";

/** What every page gets for one request. */
export interface PageContext {
  readonly http: SandboxRequestContext;
  readonly engine: SandboxEngine;
  readonly url: URL;
  readonly locale: PageLocale;
  /** The messages of `locale`. */
  readonly t: Messages;
  /** The signed-in demo user, if any. */
  readonly user: UserRow | undefined;
  /** The CSP nonce of this answer's inline <style> and <script>. */
  readonly nonce: string;
  /** Set-Cookie values to send with the answer. */
  readonly setCookies: string[];
  /** Hand-off tokens → requests (the new tab of the confirm click). */
  readonly handoffs: Handoffs;
  /** Where the environment step's "API price list" link goes. */
  readonly priceListUrl: string;
  /** The posted form (POST routes; empty for GET): read, size-limited and checked before the route runs. */
  readonly form: URLSearchParams;
}

/** A page's answer: HTML with a status, or a redirect (303 See Other). */
export type PageAnswer =
  | { kind: "page"; status: number; body: SafeHtml; headers?: Record<string, string> }
  | { kind: "redirect"; location: string };

export function page(body: SafeHtml, status = 200, headers?: Record<string, string>): PageAnswer {
  return headers ? { kind: "page", status, body, headers } : { kind: "page", status, body };
}

export function redirect(location: string): PageAnswer {
  return { kind: "redirect", location };
}

/** A PageContext whose user is known (routes behind sign-in). */
export type SignedInContext = PageContext & { readonly user: UserRow };
