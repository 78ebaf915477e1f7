import { randomBytes } from "node:crypto";
import { API_ERROR_CODES } from "@pcx/sdk/contract";
import { errorResponse, toSandboxError } from "../http/http-io.js";
import { crossOriginReason } from "../http/request-guards.js";
import type { RouteGroup, RouteRun } from "../http/route-group.js";
import type { RouteEntry } from "../http/router.js";
import type { SandboxRequestContext } from "../http/sandbox-handler.js";
import { SandboxError } from "../sandbox-error.js";
import { postActivation, showActivation } from "./activation-routes.js";
import { parseCookies, serializeCookie } from "./cookies.js";
import { errorPage, pageForError } from "./error-pages.js";
import { readForm } from "./form-body.js";
import { createHandoffs, type Handoffs } from "./handoff.js";
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

export interface PagesGroupOptions {
  /** Key of the session cookie's HMAC. Default: 32 random bytes per sandbox (a restart signs users out). */
  sessionSecret?: Buffer;
  /**
   * Where the environment step's "API price list" link goes. Default:
   * `DEFAULT_PRICE_LIST_URL`, Procountor's support article on its API and its pricing.
   */
  priceListUrl?: string;
  /** How long the hand-off tab (`/handoff/{token}`) waits for the first tab's confirm post, in ms. Default: 10000. */
  handoffWaitMs?: number;
}

/** What every page of one pages group shares. */
interface PagesShared {
  sessions: Sessions;
  handoffs: Handoffs;
  priceListUrl: string;
}

type Run = (pc: PageContext, params: Record<string, string>) => PageAnswer | Promise<PageAnswer>;
type SignedInRun = (
  pc: SignedInContext,
  params: Record<string, string>,
) => PageAnswer | Promise<PageAnswer>;

function signedIn(run: SignedInRun): Run {
  return (pc, params) => (pc.user ? run(pc as SignedInContext, params) : signInRedirect(pc));
}

function wantsHtml(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("text/html");
}

/** The PageContext of a request: locale, signed-in user, CSP nonce. */
function pageContext(
  context: SandboxRequestContext,
  { sessions, handoffs, priceListUrl }: PagesShared,
  form = new URLSearchParams(),
): PageContext {
  const { url, request, engine } = context;
  const cookies = parseCookies(request.headers.get("cookie") ?? undefined);
  const { locale, remember } = pickLocale(url.searchParams, cookies);
  const pc: PageContext = {
    http: context,
    engine,
    url,
    locale,
    t: messagesFor(locale),
    user: sessions.userOf(cookies[SESSION_COOKIE], engine),
    nonce: randomBytes(12).toString("base64"),
    setCookies: [],
    handoffs,
    priceListUrl,
    form,
  };
  if (remember)
    pc.setCookies.push(serializeCookie(LANG_COOKIE, locale, { maxAgeSeconds: 31_536_000 }));
  return pc;
}

function toResponse(
  pc: PageContext,
  answer: PageAnswer,
  extra: Record<string, string> = {},
): Response {
  const headers = new Headers({
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "content-security-policy": `default-src 'none'; style-src 'nonce-${pc.nonce}'; script-src 'nonce-${pc.nonce}'; img-src http: https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    ...extra,
  });
  for (const cookie of pc.setCookies) headers.append("set-cookie", cookie);
  if (answer.kind === "redirect") {
    headers.set("location", answer.location);
    return new Response(null, { status: 303, headers });
  }
  for (const [name, value] of Object.entries(answer.headers ?? {})) headers.set(name, value);
  headers.set("content-type", "text/html; charset=utf-8");
  return new Response(answer.body.value, { status: answer.status, headers });
}

/**
 * The customer's pages (docs/sandbox.md "The customer's pages"): sign-in as
 * a demo user, the activation link's steps, the hand-off to the integrator,
 * the status pages, the front page's "Hello" widget and the update flow.
 * Server-rendered HTML in English or Finnish. Prefix "/": every path the
 * API and the admin routes do not take. Every POST is checked before its
 * route runs: a request a browser marks as coming from another origin is
 * refused (403 page; CSRF, sign-in included), and so is a body that is not
 * a form (415) or too large (413). Unknown paths get an HTML 404 for
 * browsers and the usual JSON error for everyone else.
 */
export function createPagesGroup(options: PagesGroupOptions = {}): RouteGroup {
  const sessions = createSessions(options.sessionSecret);
  const shared: PagesShared = {
    sessions,
    handoffs: createHandoffs(
      options.handoffWaitMs !== undefined ? { waitMs: options.handoffWaitMs } : {},
    ),
    priceListUrl: options.priceListUrl ?? DEFAULT_PRICE_LIST_URL,
  };
  /** Any error as a page, never a crash: refusals and domain errors readable, anything else a 500 that says so. */
  const errorAnswer = (context: SandboxRequestContext, error: SandboxError): Response => {
    if (error.status >= 500)
      context.log.error(`customer page failed: ${error.message}`, { path: context.url.pathname });
    let pc: PageContext;
    try {
      pc = pageContext(context, shared);
    } catch {
      // The engine cannot say who is signed in: a fresh key validates no cookie, so no lookup.
      pc = pageContext(context, { ...shared, sessions: createSessions() });
    }
    const { t } = pc;
    const answer =
      error.code === API_ERROR_CODES.METHOD_NOT_ALLOWED
        ? errorPage(pc, 405, t.errorTitle, t.methodNotAllowed)
        : error.status === 403 && error.field === "Origin"
          ? errorPage(pc, 403, t.errorTitle, t.crossOriginRefused)
          : error.code === API_ERROR_CODES.UNSUPPORTED_MEDIA_TYPE
            ? errorPage(pc, 415, t.errorTitle, t.notAForm)
            : pageForError(pc, error);
    return toResponse(pc, answer, error.headers);
  };
  const get = (path: string, run: Run): RouteEntry<RouteRun> => ({
    method: "GET",
    path,
    head: true,
    handler: async (context, params) => {
      try {
        const pc = pageContext(context, shared);
        return toResponse(pc, await run(pc, params));
      } catch (caught) {
        return errorAnswer(context, toSandboxError(caught));
      }
    },
  });
  const post = (path: string, run: Run): RouteEntry<RouteRun> => ({
    method: "POST",
    path,
    handler: async (context, params) => {
      try {
        const crossOrigin = crossOriginReason(context.request, context.url);
        if (crossOrigin) {
          context.log.warn(`customer page refused a cross-origin POST: ${crossOrigin}`, {
            path: context.url.pathname,
          });
          throw new SandboxError(403, API_ERROR_CODES.FORBIDDEN, crossOrigin, "Origin");
        }
        const pc = pageContext(context, shared, await readForm(context.request));
        return toResponse(pc, await run(pc, params));
      } catch (caught) {
        return errorAnswer(context, toSandboxError(caught));
      }
    },
  });
  /**
   * A signed-in wizard's routes: GET `base/{id}` shows its first step, POST
   * `base/{id}` submits it, POST `base/{id}/<step>` submits each later one.
   */
  const wizard = <Step extends string>(
    base: string,
    show: (pc: SignedInContext, id: string | undefined) => PageAnswer,
    submit: (pc: SignedInContext, id: string | undefined, step: Step) => Promise<PageAnswer>,
    [first, ...later]: readonly [Step, ...Step[]],
  ): RouteEntry<RouteRun>[] => [
    get(
      `${base}/{id}`,
      signedIn((pc, { id }) => show(pc, id)),
    ),
    post(
      `${base}/{id}`,
      signedIn((pc, { id }) => submit(pc, id, first)),
    ),
    ...later.map((step) =>
      post(
        `${base}/{id}/${step}`,
        signedIn((pc, { id }) => submit(pc, id, step)),
      ),
    ),
  ];
  const routes: RouteEntry<RouteRun>[] = [
    get(
      "/",
      signedIn((pc) => homePage(pc)),
    ),
    get("/signin", (pc) => signInPage(pc)),
    post("/signin", (pc) => signIn(pc, sessions)),
    post("/signout", (pc) => signOut(pc, sessions)),
    ...wizard("/activate", showActivation, postActivation, [
      "details",
      "terms",
      "environments",
      "confirm",
    ]),
    get(
      "/requests/{id}",
      signedIn((pc, { id }) => requestStatusPage(pc, id)),
    ),
    get(
      "/handoff/{token}",
      signedIn((pc, { token }) => handoffPage(pc, token)),
    ),
    get(
      "/outbox",
      signedIn((pc) => outboxPage(pc)),
    ),
    ...wizard("/update", showUpdate, postUpdate, ["info", "rights", "confirm"]),
    {
      method: "GET",
      path: "/favicon.ico",
      head: true,
      handler: () =>
        new Response(null, { status: 204, headers: { "cache-control": "max-age=86400" } }),
    },
  ];
  return {
    name: "pages",
    prefix: "/",
    routes,
    notFoundMessage: (_method, path) =>
      `Nothing at ${path}. The API is under /api, the sandbox's own routes under /sandbox, the customer's pages under / (docs/sandbox.md).`,
    answerError: (context, error) =>
      error.status === 404 && !wantsHtml(context.request)
        ? errorResponse(error)
        : errorAnswer(context, error),
  };
}
