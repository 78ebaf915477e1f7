import { randomBytes } from "node:crypto";
import { html, raw, type SafeHtml } from "./html.js";
import { type PageAnswer, redirect, type SignedInContext } from "./page-context.js";

/**
 * The hand-off to the integrator, in the click that confirms (Procountor's
 * guide: after the technical user, the customer is taken to the integrator's
 * own page in a new tab).
 *
 * The confirm form carries a random hand-off token. Its submit handler opens
 * `/handoff/{token}` in a new tab, in the same click (so no popup blocker
 * stops it), and lets the form post in the first tab. The post creates the
 * request and registers it under the token; the first tab goes on to the
 * request's status page, and the new tab's `/handoff/{token}`, which waited
 * for the token, is redirected to the integrator's callback URL. Without
 * JavaScript, or when the browser blocks the tab, the status page shows the
 * button that opens the callback instead.
 */

/** How long a token is answered after its request was created. */
const TOKEN_TTL_MS = 15 * 60_000;
/** How long `/handoff/{token}` waits for the first tab's post. */
export const HANDOFF_WAIT_MS = 10_000;
/** Tokens kept at most; the oldest are forgotten first. */
const MAX_TOKENS = 1000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** What the first tab did about the new tab: the status page words itself after it. */
export type HandoffTab = "opened" | "blocked" | "none";

/** A fresh token for one confirm form. */
export function newHandoffToken(): string {
  return randomBytes(16).toString("base64url");
}

export function isHandoffToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}

/** The `tab` field the hand-off script sets: "opened" or "blocked"; anything else is "none" (no script ran). */
export function handoffTabOf(form: URLSearchParams): HandoffTab {
  const tab = form.get("tab");
  return tab === "opened" || tab === "blocked" ? tab : "none";
}

/** The status page after a confirm, with what happened to the new tab. */
export function statusPathAfterConfirm(requestId: number, tab: HandoffTab): string {
  return tab === "none" ? `/requests/${requestId}` : `/requests/${requestId}?tab=${tab}`;
}

type Outcome = { requestId: number } | { failed: true };

interface Entry {
  userId: number;
  outcome?: Outcome;
  at: number;
  waiters: ((outcome: Outcome | undefined) => void)[];
}

/**
 * Tokens → the request their confirm created, per pages handler, in memory.
 * A token is bound to the user who posted it; another user never learns it.
 */
export function createHandoffs(
  options: {
    /** The clock of the tokens' lifetime. Default: `Date.now`. */
    now?: () => number;
    /** How long `waitFor` waits by default. Default: `HANDOFF_WAIT_MS` (10 s). */
    waitMs?: number;
  } = {},
) {
  const now = options.now ?? Date.now;
  const defaultWaitMs = options.waitMs ?? HANDOFF_WAIT_MS;
  const entries = new Map<string, Entry>();

  function prune(): void {
    const cutoff = now() - TOKEN_TTL_MS;
    for (const [token, entry] of entries) {
      if (entries.size <= MAX_TOKENS && entry.at >= cutoff) break;
      if (entry.waiters.length === 0) entries.delete(token);
    }
  }

  function settle(token: string, userId: number, outcome: Outcome): void {
    if (!isHandoffToken(token)) return;
    const entry = entries.get(token);
    if (entry && entry.userId !== userId) return;
    const waiters = entry?.waiters ?? [];
    entries.delete(token);
    entries.set(token, { userId, outcome, at: now(), waiters: [] });
    for (const wake of waiters) wake(outcome);
    prune();
  }

  return {
    /** The confirm post created `requestId`: the waiting tab goes on to its callback. */
    resolve(token: string, userId: number, requestId: number): void {
      settle(token, userId, { requestId });
    },
    /** The confirm post was refused: the waiting tab says so at once. */
    fail(token: string, userId: number): void {
      settle(token, userId, { failed: true });
    },
    /**
     * The request created under `token` for `userId`: at once when the post
     * came first, else when it comes, or undefined after `waitMs` or when the
     * post failed.
     */
    async waitFor(
      token: string,
      userId: number,
      waitMs = defaultWaitMs,
    ): Promise<number | undefined> {
      if (!isHandoffToken(token)) return undefined;
      let entry = entries.get(token);
      if (entry && entry.userId !== userId) return undefined;
      if (entry?.outcome) return "requestId" in entry.outcome ? entry.outcome.requestId : undefined;
      if (!entry) {
        entry = { userId, at: now(), waiters: [] };
        entries.set(token, entry);
        prune();
      }
      const waiting = entry;
      const outcome = await new Promise<Outcome | undefined>((resolve) => {
        const timer = setTimeout(() => {
          waiting.waiters = waiting.waiters.filter((w) => w !== wake);
          resolve(undefined);
        }, waitMs);
        timer.unref?.();
        const wake = (o: Outcome | undefined) => {
          clearTimeout(timer);
          resolve(o);
        };
        waiting.waiters.push(wake);
      });
      return outcome && "requestId" in outcome ? outcome.requestId : undefined;
    },
    /** Tokens kept (tests). */
    size: () => entries.size,
  };
}

export type Handoffs = ReturnType<typeof createHandoffs>;

/** A confirm post that created request `started`. */
export interface Started {
  started: number;
}

/**
 * Runs a step's post (`run` answers the page, or, on confirm, the request it
 * created): resolves the post's hand-off token with the request and
 * redirects to its status page, or fails the token (the waiting tab says so
 * at once) and answers the page. A thrown error fails the token too. Posts
 * without a token (the steps before confirm) change nothing here.
 */
export async function confirmWithHandoff(
  pc: SignedInContext,
  form: URLSearchParams,
  run: () => PageAnswer | Started | Promise<PageAnswer | Started>,
): Promise<PageAnswer> {
  const token = form.get("handoff") ?? "";
  let answer: PageAnswer | Started;
  try {
    answer = await run();
  } catch (error) {
    pc.handoffs.fail(token, pc.user.id);
    throw error;
  }
  if (!("started" in answer)) {
    pc.handoffs.fail(token, pc.user.id);
    return answer;
  }
  pc.handoffs.resolve(token, pc.user.id, answer.started);
  return redirect(statusPathAfterConfirm(answer.started, handoffTabOf(form)));
}

/** The confirm form's hand-off fields: the token, and `tab`, which the script fills in. */
export function handoffFields(token: string): SafeHtml {
  return html`<input type="hidden" name="handoff" value="${token}">
<input type="hidden" name="tab" value="">`;
}

/**
 * The confirm form's script: on submit by the confirm button (not "Back"),
 * open the hand-off tab, cut its `opener`, and tell the server whether the
 * tab opened. No input is interpolated; the address is read from the form.
 */
export const HANDOFF_SCRIPT: SafeHtml = raw(`(function(){
var form=document.getElementById("confirm-form");
if(!form)return;
form.addEventListener("submit",function(e){
  if(e.submitter&&e.submitter.id!=="confirm")return;
  var tab=null;
  try{tab=window.open(form.dataset.handoff,"_blank");}catch(_){tab=null;}
  if(tab){try{tab.opener=null;}catch(_){}}
  form.elements.namedItem("tab").value=tab?"opened":"blocked";
});
})();`);
