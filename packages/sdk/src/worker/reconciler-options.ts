import type { CallbackHandlerOptions } from "../callback/index.js";
import type { ActivationRequestsResource, ActivationsResource } from "../client/index.js";
import type { ActivationStatus } from "../contract/index.js";
import type { ActivationRecord, ActivationStore } from "../store/index.js";
import type { ReconcilerLogger } from "./reconciler-events.js";
import type { SweepSummary } from "./sweep-summary.js";

type MaybePromise<T> = T | Promise<T>;

/**
 * What the reconciler needs from the API client: listing, reading and
 * deciding activation requests, and listing activations. A
 * `ProcountorClient` is one; its rate limiter paces every call the
 * reconciler makes (the reconciler adds no limiter of its own).
 */
export interface ReconcilerClient {
  readonly activationRequests: Pick<
    ActivationRequestsResource,
    "list" | "get" | "approve" | "reject"
  >;
  readonly activations: Pick<ActivationsResource, "list">;
}

/** An activation whose status (or version) at Procountor differs from the store's. */
export interface StatusChange {
  integrationId: number;
  companyId: number;
  /** The environment's (company's) name. */
  companyName: string;
  /** The status the store had; null when the store did not know this activation (made before pcx, or elsewhere). */
  previousStatus: ActivationStatus | null;
  /** The status at Procountor, now also in the store: "UPDATE_REQUIRED" (the customer must accept a new version) or "REMOVED" (the technical user's key no longer works), or "ACTIVE". */
  status: ActivationStatus;
  /** The definition version the store had in force; null when unknown. */
  previousVersion: number | null;
  /** The definition version in force at Procountor. */
  version: number;
  /** The stored activation after the change. Its API key stays sealed: open it only with your sealer, never log it. */
  activation: ActivationRecord;
}

/** The options of `createReconciler`; a missing or invalid one throws `pcx_config` naming it. */
export interface ReconcilerOptions {
  /** The Procountor API client (`createClient(...)`); its rate limit paces the reconciler. Required. */
  client: ReconcilerClient;
  /** The integration whose requests and activations to reconcile. Required. */
  integrationId: number;
  /** The store the callback handler uses too (decisions, nonces, activations, leases). Required. */
  store: ActivationStore;
  /**
   * Seals each approved environment's technical-user API key before it is
   * saved (as for the callback handler); `false` saves activations without
   * keys. Required.
   */
  sealer: CallbackHandlerOptions["sealer"];
  /**
   * The same hook as the callback handler's: decides a pending request. It
   * gets `ctx.via === "reconciler"` and `ctx.httpRequest === null`;
   * `ctx.defer(...)` leaves the request to `complete()` and the reconciler
   * asks again `lastCallBeforeExpiryMs` before it expires. Required.
   */
  onActivationRequest: CallbackHandlerOptions["onActivationRequest"];
  /**
   * Runs after the reconciler applied a decision (`ctx.via === "reconciler"`).
   * `result.credentials` holds the approved environments' API keys: SECRETS,
   * never log them. What it throws is logged. Default: none.
   */
  onDecided?: CallbackHandlerOptions["onDecided"];
  /**
   * Runs for each activation whose status or version at Procountor differs
   * from the store's, after the store was updated: `UPDATE_REQUIRED`,
   * `REMOVED`, back to `ACTIVE`, or one the store did not know. What it
   * throws is logged; the store keeps the new status. Default: none.
   */
  onStatusChange?(change: StatusChange): MaybePromise<void>;
  /**
   * The state secrets by key id, as for the callback handler: the reconciler
   * verifies each request's `state` (made for this integration, signed, not
   * expired when the customer used the link, nonce not used by another
   * request) before asking the hook. Required unless `requireState` is false.
   */
  stateSecrets?: CallbackHandlerOptions["stateSecrets"];
  /** Leave activation requests without a verified state undecided, as the callback refuses them. Default: true. */
  requireState?: boolean;
  /** Time between sweeps. Default: 30_000 (30 s). */
  intervalMs?: number;
  /**
   * Requests younger than this are left to the callback (the customer's
   * browser may be on its way). Default: 60_000 (1 min).
   */
  callbackGraceMs?: number;
  /**
   * A deferred request (by the callback's hook or the reconciler's) that
   * nobody completed is given to the hook once more when less than this is
   * left before it expires. At least `2 × intervalMs`, so a sweep falls in
   * that window. Default: 180_000 (3 min).
   */
  lastCallBeforeExpiryMs?: number;
  /**
   * Requests decided at the same time within one sweep. A few keep the
   * client's rate limiter busy while calls are in flight. Default: 4.
   */
  concurrency?: number;
  /**
   * How long the sweep lease and each request's lease last unless renewed:
   * another instance takes over a crashed one's work after this. Default:
   * 120_000 (2 min), and at least `intervalMs`.
   */
  leaseMs?: number;
  /** Pending requests read per list call, 1–200. Default: 100. */
  pageSize?: number;
  /** Most requests one sweep looks at; the rest wait for the next sweep. Default: 1000. */
  maxRequestsPerSweep?: number;
  /** Sync activation statuses into the store on each sweep. Default: true. */
  syncActivations?: boolean;
  /** Recorded with each decision and holds the leases: tells instances apart. Default: "reconciler-" + 8 random hex digits. */
  decidedBy?: string;
  /** The clock. Default: `() => new Date()`. */
  now?: () => Date;
  /** Waits `ms` between sweeps; tests pass a fake. Default: a `setTimeout` promise that an abort signal cancels. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Where the reconciler logs what it did, as structured events (no secrets). Default: none. */
  logger?: ReconcilerLogger;
}

/** The reconciler's totals since it was created. */
export interface ReconcilerTotals {
  sweeps: number;
  decided: number;
  deferred: number;
  refused: number;
  failed: number;
  repaired: number;
  statusChanges: number;
}

/** A running reconciler: `start()` sweeps every `intervalMs`; `stop()` ends it cleanly. */
export interface Reconciler {
  /** Starts sweeping now and then every `intervalMs`. Calling it again does nothing. */
  start(): void;
  /**
   * Stops: no new sweep or request starts; the requests in flight finish
   * (their decisions applied and recorded). Resolves with the totals once
   * nothing runs. Calling it again returns the same promise.
   */
  stop(): Promise<ReconcilerTotals>;
  /** Runs one sweep now (after the one running, if any), e.g. from a cron job or a test. */
  sweep(): Promise<SweepSummary>;
  /** Totals so far. */
  readonly totals: ReconcilerTotals;
}
