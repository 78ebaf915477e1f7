import { randomBytes } from "node:crypto";
import { API_ERROR_CODES } from "@pcx/sdk/contract";
import type { SandboxHandler, SandboxRequestContext } from "../http/sandbox-handler.js";
import { SandboxError } from "../sandbox-error.js";
import { postActivation, showActivation } from "./activation-routes.js";
import { parseCookies, serializeCookie } from "./cookies.js";
import { errorPage, notFoundPage, pageForError } from "./error-pages.js";
import { createHandoffs } from "./handoff.js";
import { handoffPage } from "./handoff-page.js";
import { homePage } from "./home-page.js";
import { LANG_COOKIE, messagesFor, pickLocale } from "./locale.js";
import { outboxPage } from "./outbox-page.js";
import type { PageAnswer, PageContext, SignedInContext } from "./page-context.js";
import { DEFAULT_PRICE_LIST_URL } from "./pricing-note.js";
import { requestStatusPage } from "./request-status-page.js";
import { createSessions, SESSION_COOKIE, type Sessions } from "./session.js";
import { signIn, signInPage, signInRedirect, signOut } from "./sign-in-page.js";
import { postUpdate, showUpdate } from "./update-pages.js";

export interface PagesHandlerOptions {
  /** Key of the session cookie's HMAC. Default: 32 random bytes per handler (a restart signs users out). */
  sessionSecret?: Buffer;
  /**
   * Where the environment step's "API price list" link goes. Default:
   * `DEFAULT_PRICE_LIST_URL`, Procountor's support article on its API and its pricing.
   */
  priceListUrl?: string;
  /**
   * How long the hand-off tab (`/handoff/{token}`) waits for the confirm post
   * of the first tab before it gives up, in ms. Default: 10000.
   */
  handoffWaitMs?: number;
}

type Run = (pc: PageContext, groups: string[]) => PageAnswer | Promise<PageAnswer>;
type SignedInRun = (pc: SignedInContext, groups: string[]) => PageAnswer | Promise<PageAnswer>;
interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  run: Run;
}

function signedIn(run: SignedInRun): Run {
  return (pc, groups) => (pc.user ? run(pc as SignedInContext, groups) : signInRedirect(pc));
}

function routes(sessions: Sessions): Route[] {
  return [
    { method: "GET", pattern: /^\/$/, run: signedIn((pc) => homePage(pc)) },
    { method: "GET", pattern: /^\/signin$/, run: (pc) => signInPage(pc) },
    { method: "POST", pattern: /^\/signin$/, run: (pc) => signIn(pc, sessions) },
    { method: "POST", pattern: /^\/signout$/, run: (pc) => signOut(pc, sessions) },
    {
      method: "GET",
      pattern: /^\/activate\/([^/]+)$/,
      run: signedIn((pc, [id]) => showActivation(pc, id)),
    },
    {
      method: "POST",
      pattern: /^\/activate\/([^/]+)$/,
      run: signedIn((pc, [id]) => postActivation(pc, id, "details")),
    },
    {
      method: "POST",
      pattern: /^\/activate\/([^/]+)\/(terms|environments|confirm)$/,
      run: signedIn((pc, [id, step]) =>
        postActivation(pc, id, step as "terms" | "environments" | "confirm"),
      ),
    },
    {
      method: "GET",
      pattern: /^\/requests\/([^/]+)$/,
      run: signedIn((pc, [id]) => requestStatusPage(pc, id)),
    },
    {
      method: "GET",
      pattern: /^\/handoff\/([^/]+)$/,
      run: signedIn((pc, [token]) => handoffPage(pc, token)),
    },
    { method: "GET", pattern: /^\/outbox$/, run: signedIn((pc) => outboxPage(pc)) },
    {
      method: "GET",
      pattern: /^\/update\/([^/]+)$/,
      run: signedIn((pc, [id]) => showUpdate(pc, id)),
    },
    {
      method: "POST",
      pattern: /^\/update\/([^/]+)$/,
      run: signedIn((pc, [id]) => postUpdate(pc, id, "info")),
    },
    {
      method: "POST",
      pattern: /^\/update\/([^/]+)\/(rights|confirm)$/,
      run: signedIn((pc, [id, step]) => postUpdate(pc, id, step as "rights" | "confirm")),
    },
  ];
}

function wantsHtml(context: SandboxRequestContext): boolean {
  return (context.req.headers.accept ?? "").includes("text/html");
}

function send(context: SandboxRequestContext, pc: PageContext, answer: PageAnswer): void {
  const { res } = context;
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | string[]> = {
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "content-security-policy": `default-src 'none'; style-src 'nonce-${pc.nonce}'; script-src 'nonce-${pc.nonce}'; img-src http: https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  };
  if (pc.setCookies.length > 0) headers["set-cookie"] = pc.setCookies;
  if (answer.kind === "redirect") {
    res.writeHead(303, { ...headers, location: answer.location, "content-length": "0" });
    res.end();
    return;
  }
  const body = answer.body.value;
  res.writeHead(answer.status, {
    ...headers,
    ...answer.headers,
    "content-type": "text/html; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
  });
  res.end(body);
}

/**
 * The customer's pages (docs/sandbox.md "The customer's pages"): sign-in as
 * a demo user, the activation link's steps, the hand-off to the integrator,
 * the status pages, the front page's "Hello" widget and the update flow.
 * Server-rendered HTML in English or Finnish. Prefix "/": it answers every
 * path the API and admin handlers do not; unknown paths get an HTML 404 for
 * browsers and the usual JSON error for everyone else.
 */
export function createPagesHandler(options: PagesHandlerOptions = {}): SandboxHandler {
  const sessions = createSessions(options.sessionSecret);
  const handoffs = createHandoffs(
    options.handoffWaitMs !== undefined ? { waitMs: options.handoffWaitMs } : {},
  );
  const priceListUrl = options.priceListUrl ?? DEFAULT_PRICE_LIST_URL;
  const table = routes(sessions);
  return {
    name: "pages",
    prefix: "/",
    async handle(context) {
      const { url, req, engine } = context;
      const method = context.method === "HEAD" ? "GET" : context.method;
      const matching = table.filter((route) => route.pattern.test(url.pathname));
      if (matching.length === 0) {
        if (method === "GET" && url.pathname === "/favicon.ico") {
          context.res.writeHead(204, { "cache-control": "max-age=86400" }).end();
          return;
        }
        if (!wantsHtml(context))
          throw new SandboxError(
            404,
            API_ERROR_CODES.NOT_FOUND,
            `Nothing at ${url.pathname}. The API is under /api, the sandbox's own routes under /sandbox, the customer's pages under / (docs/sandbox.md).`,
          );
      }
      const cookies = parseCookies(req.headers.cookie);
      const { locale, remember } = pickLocale(url.searchParams, cookies);
      const pc: PageContext = {
        http: context,
        engine,
        url,
        locale,
        t: messagesFor(locale),
        user: undefined,
        nonce: randomBytes(12).toString("base64"),
        setCookies: [],
        handoffs,
        priceListUrl,
      };
      if (remember)
        pc.setCookies.push(serializeCookie(LANG_COOKIE, locale, { maxAgeSeconds: 31_536_000 }));
      let answer: PageAnswer;
      try {
        const user = sessions.userOf(cookies[SESSION_COOKIE], engine);
        Object.assign(pc, { user });
        const route = matching.find((r) => r.method === method);
        if (matching.length === 0) answer = notFoundPage(pc);
        else if (!route)
          answer = errorPage(pc, 405, pc.t.errorTitle, pc.t.methodNotAllowed, {
            allow: [...new Set(matching.map((r) => r.method))].join(", "),
          });
        else answer = await route.run(pc, (route.pattern.exec(url.pathname) ?? []).slice(1));
      } catch (error) {
        if (!(error instanceof SandboxError) || error.status >= 500)
          context.log.error(`customer page failed: ${(error as Error)?.message ?? String(error)}`, {
            path: url.pathname,
          });
        answer = pageForError(pc, error);
      }
      send(context, pc, answer);
    },
  };
}
