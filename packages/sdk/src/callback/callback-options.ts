import type { ActivationRequest } from "../contract/index.js";
import type { Decision, DecisionClient, DecisionResult } from "../decisions/index.js";
import type { PcxError } from "../errors/index.js";
import type { StatePayload, VerifyStateOptions } from "../links/index.js";
import type { ActivationStore, SecretSealer } from "../store/index.js";
import type { CallbackFailure } from "./callback-failure.js";

/** The verified `state` of the activation link the customer started from. */
export interface VerifiedState {
  /** What the integrator signed: `ref` and its own small fields. */
  payload: StatePayload;
  keyId: string;
  /** Single use: consumed by the first request that carries it. */
  nonce: string;
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * What the browser gets instead of the built-in page: a `Response` of the
 * integrator's own, or a URL (string or `URL`) to redirect to with 303.
 */
export type CallbackResponse = Response | string | URL;

/** A decision plus the answer for the browser (e.g. the integrator's own page while deferring). */
export interface CallbackAnswer {
  decision: Decision;
  /** Default: pcx's built-in page (decided, or "being processed" when something is deferred). */
  response?: CallbackResponse;
}

/**
 * What `onActivationRequest` gets besides the request. The same hook serves
 * the callback handler and the reconciler (`createReconciler`), which decides
 * the requests whose callback never arrived.
 */
export interface ActivationRequestContext {
  /** "callback": the customer's browser is waiting; "reconciler": no browser, the request was found by a sweep. */
  via: "callback" | "reconciler";
  /** The verified state of the activation link; null when the link had none (update requests; `requireState: false`). */
  state: VerifiedState | null;
  /** `state.payload.ref`: the integrator's reference (e.g. its customer account id), or null. */
  ref: string | null;
  /**
   * The browser's request to the callback (its cookies carry the integrator's
   * own session, if any); null from the reconciler, which has no browser.
   */
  httpRequest: Request | null;
  /** Approves every environment. */
  approveAll(): Decision;
  /** Rejects every environment with `reason` (1–500 characters), which the customer reads in Procountor. */
  rejectAll(reason: string): Decision;
  /**
   * Defers: the browser gets `response` (the integrator's own page, or a URL
   * to redirect to), and the integrator's backend calls `complete(requestId,
   * decision)` later, before the request expires. `decision` defaults to
   * deferring every environment; approve or reject some now and defer the rest with it.
   * From the reconciler (no browser) `response` is ignored; it asks the hook
   * again shortly before the request expires (docs/stores.md).
   */
  defer(response: CallbackResponse, decision?: Decision): CallbackAnswer;
}

/** Where a decision came from, for `onDecided`. */
export interface DecidedContext {
  /**
   * "callback": the customer's browser; "complete": the backend finishing a
   * deferred request; "reconciler": a sweep decided a request whose callback never came.
   */
  via: "callback" | "complete" | "reconciler";
  /** The verified state, when the decision came through the callback with one. */
  state: VerifiedState | null;
  /** The browser's request, when the decision came through the callback. */
  httpRequest: Request | null;
}

/** What `onError` gets besides the error. */
export interface CallbackErrorContext {
  /** Quoted on the customer's page and in the log line. */
  reference: string;
  /** The activation request, once the query named a valid id. */
  requestId: number | null;
  /** The browser's request; null for `complete()`. */
  httpRequest: Request | null;
}

/** Where the handler logs. It never receives secrets (keys, tokens, the state itself). */
export interface CallbackLogger {
  info?(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type MaybePromise<T> = T | Promise<T>;

/** The options of `createCallbackHandler`; each documents its default. */
export interface CallbackHandlerOptions {
  /**
   * The Procountor API client of the integrator (`createClient(...)`), used
   * to read the request and to approve or reject it. Required.
   */
  client: DecisionClient;
  /** The integration this handler answers for; requests and states of another integration are refused. Required. */
  integrationId: number;
  /**
   * The state secrets by key id (as for `verifyState`): `{ "2025-06": "…" }`
   * or `[{ keyId, secret }]`. Keep the previous key while links signed with it are in use. Required.
   */
  stateSecrets: VerifyStateOptions["secrets"];
  /**
   * Decides a pending, verified request: return a `Decision` (an outcome per
   * environment; see `ctx.approveAll()`, `ctx.rejectAll(reason)`) or
   * `ctx.defer(response)` to send the customer to a page of your own and
   * decide later with `complete()`. Throwing answers the customer with an
   * error page (500) and calls `onError`. Required.
   */
  onActivationRequest(
    request: ActivationRequest,
    ctx: ActivationRequestContext,
  ): MaybePromise<Decision | CallbackAnswer>;
  /**
   * Seals each approved environment's technical-user API key before it is
   * saved in the store (e.g. the keyring of the SQL stores); `false` stores
   * activations without keys, when you keep them yourself from
   * `onDecided`'s `result.credentials`. Required: an approval hands the key over once.
   */
  sealer: SecretSealer | false;
  /**
   * Where requests, decisions, consumed state nonces and activations are
   * kept. Default: `createMemoryStore()`, which is lost on restart, not
   * shared between instances, and warns under NODE_ENV=production.
   */
  store?: ActivationStore;
  /**
   * Runs after a decision was applied (through the callback, or `complete()`).
   * `result.credentials` holds the technical users' API keys of the
   * environments approved now: SECRETS, never log them. An error thrown here
   * is logged and passed to `onError`; the customer still sees the decision.
   * Default: none.
   */
  onDecided?(result: DecisionResult, ctx: DecidedContext): MaybePromise<void>;
  /**
   * Runs for every failure: refused callbacks (bad state, expired, already
   * decided, …, with their stable codes) and errors (API down, a hook that
   * threw). For monitoring; what it throws is logged and ignored. Default: none.
   */
  onError?(error: PcxError, ctx: CallbackErrorContext): MaybePromise<void>;
  /**
   * Refuse activation callbacks without a `state` (links not made with
   * `signState`, such as a plain link from the Procountor Store page). Update
   * requests never carry a state and are accepted without one. Default: true.
   */
  requireState?: boolean;
  /** Overrides of the built-in answers. Return undefined to keep the built-in page. */
  respond?: {
    /** After a decision through the callback. Default: a small page listing each environment's outcome. */
    decided?(result: DecisionResult, request: Request): MaybePromise<CallbackResponse | undefined>;
    /** For a failure; `failure.code` is stable. Default: a small page the customer understands, with the code and a reference. */
    failed?(failure: CallbackFailure, request: Request): MaybePromise<CallbackResponse | undefined>;
  };
  /** Your product's name on the built-in pages ("Acme Invoice Sync"). Default: "the integration". */
  appName?: string;
  /** Recorded with each decision (`decidedBy`): tells instances apart. Default: "callback-" + 8 random hex digits. */
  decidedBy?: string;
  /** The clock. Default: `() => new Date()`. */
  now?: () => Date;
  /** Where the handler logs refusals, failures and decisions (no secrets). Default: none. */
  logger?: CallbackLogger;
}

/** The handler: `handle` answers the customer's browser; `complete` finishes a deferred request. */
export interface CallbackHandler {
  /** Answers one callback request (GET; HEAD checks the link and the request, and decides nothing). Never throws. */
  handle(request: Request): Promise<Response>;
  /**
   * Decides a request the hook deferred, before it expires; runs `onDecided`.
   * Throws `pcx_request_not_found`, `pcx_wrong_integration`,
   * `pcx_request_expired`, `pcx_usage` (a decision that does not fit), or the
   * client's error. Environments someone else decided meanwhile come back as "already_decided".
   */
  complete(requestId: number, decision: Decision): Promise<DecisionResult>;
}
