import type { ActivationStatus, EnvironmentDecision } from "../contract/index.js";

/**
 * What pcx keeps on the integrator's side of the activation flow, behind one
 * interface: the requests the callback or the reconciler has seen, each
 * environment's decision (the intent written BEFORE the approve/reject call,
 * the outcome after it), consumed state nonces, activations with the
 * technical user's sealed API key, and the reconciler's leases.
 *
 * Implementations: `createMemoryStore()` (development and tests), and the SQL
 * stores for SQLite and PostgreSQL. Every implementation passes the store
 * contract suite. All methods are async; times are `Date`s passed in by the
 * caller (stores never read the clock themselves, so tests control time).
 */
export interface ActivationStore {
  /**
   * Records a request the first time it is seen and returns the stored row.
   * Seeing it again returns the stored row unchanged (the first sighting wins).
   */
  saveRequest(request: NewStoredRequest): Promise<StoredRequest>;
  /** The stored request, or undefined. */
  getRequest(requestId: number): Promise<StoredRequest | undefined>;
  /** Marks a request deferred (the hook sent the customer to the integrator's own page) or not. */
  setRequestDeferred(requestId: number, deferred: boolean): Promise<void>;
  /**
   * Records decision intents for one request atomically: environments nobody
   * has claimed yet get an intent (status "intent") with the idempotency key
   * `keyFor` gives their group (same action and reason); environments already
   * claimed keep their first record. Concurrent calls for the same request are
   * serialised by the database (row lock / write transaction), so two
   * instances never both claim an environment. Returns every decision record
   * of the request after the claim, and which of them this call created.
   */
  claimDecisions(input: ClaimDecisionsInput): Promise<ClaimDecisionsResult>;
  /**
   * Marks decisions applied after the API confirmed them (or reported the
   * environment already decided): sets status "applied", the API's outcome
   * and `appliedAt`. Unknown environments are ignored.
   */
  markDecisionsApplied(
    requestId: number,
    outcomes: ReadonlyArray<{ companyId: number; outcome: EnvironmentDecision }>,
    appliedAt: Date,
  ): Promise<void>;
  /** Every decision record of a request, by company id. */
  listDecisions(requestId: number): Promise<DecisionRecord[]>;
  /**
   * Intents whose API call was never confirmed (a crash between the call and
   * the write), oldest first: the repair replays them with their stored key.
   */
  listUnappliedDecisions(limit?: number): Promise<DecisionRecord[]>;
  /**
   * Consumes a state nonce for a request. "consumed": first use;
   * "same_request": this request already consumed it (a reload of the
   * callback); "replayed": another request consumed it, refuse the state.
   */
  consumeNonce(input: ConsumeNonceInput): Promise<"consumed" | "same_request" | "replayed">;
  /** Inserts or replaces the activation of (integrationId, companyId). */
  saveActivation(activation: ActivationRecord): Promise<void>;
  getActivation(integrationId: number, companyId: number): Promise<ActivationRecord | undefined>;
  listActivations(filter?: ActivationFilter): Promise<ActivationRecord[]>;
  /**
   * Replaces an activation's sealed API key only if it still equals `from`
   * (compare-and-set, so a concurrent write is never overwritten; nothing
   * else changes, not even `updatedAt`). True when replaced. Key rotation
   * (`rotateSealedKeys`) re-seals through this.
   */
  replaceSealedApiKey(input: ReplaceSealedApiKeyInput): Promise<boolean>;
  /**
   * Takes the named lease for `holder` when it is free, expired at `now`, or
   * already held by `holder` (then it is extended to `now + ttlMs`). True when
   * `holder` holds it afterwards.
   */
  acquireLease(input: LeaseInput): Promise<boolean>;
  /** Gives the lease up if `holder` holds it. */
  releaseLease(name: string, holder: string): Promise<void>;
  /** Closes connections the store opened itself. */
  close(): Promise<void>;
}

/** What the integrator decided for an environment. */
export type DecisionAction = "approve" | "reject";

/** An activation request as the callback handler first records it. */
export interface NewStoredRequest {
  requestId: number;
  integrationId: number;
  integrationVersion: number;
  kind: "ACTIVATION" | "UPDATE";
  /** The integrator's reference from the verified state; null without one. */
  ref: string | null;
  /** The verified state's nonce; null without a state. */
  stateNonce: string | null;
  /** The request's environments as Procountor listed them. */
  companyIds: number[];
  expiresAt: Date;
  /** When pcx first saw it. */
  seenAt: Date;
}

/** A recorded activation request. */
export interface StoredRequest extends NewStoredRequest {
  /** True while the integrator's own page (defer) is collecting what it needs. */
  deferred: boolean;
}

/** Where a decision stands: written as an intent, or applied through the API. */
export type DecisionStatus = "intent" | "applied";

/** One environment's decision as the store keeps it, from intent to the API's answer. */
export interface DecisionRecord {
  requestId: number;
  companyId: number;
  action: DecisionAction;
  /** The reason the customer reads (reject only); null for approve. */
  reason: string | null;
  /** Sent with the approve/reject call; replaying it gets the API's first answer. */
  idempotencyKey: string;
  /** "intent": written, the API's answer not recorded yet; "applied": the API answered. */
  status: DecisionStatus;
  /** The environment's status as the API reported it; null while an intent. */
  outcome: EnvironmentDecision | null;
  /** Who decided: an instance id, "reconciler", "cli", … */
  decidedBy: string;
  createdAt: Date;
  appliedAt: Date | null;
}

/** What a caller wants decided for one environment. */
export interface DecisionIntent {
  companyId: number;
  action: DecisionAction;
  /** Required (1–500 characters) for "reject"; null for "approve". */
  reason: string | null;
}

/** The input of `claimDecisions`: intents to record for environments not decided yet. */
export interface ClaimDecisionsInput {
  requestId: number;
  intents: ReadonlyArray<DecisionIntent>;
  /**
   * The idempotency key of one group of newly claimed environments (same
   * action and reason), given their sorted company ids. Called inside the
   * claim, so it must be synchronous and pure.
   */
  keyFor(group: { action: DecisionAction; reason: string | null; companyIds: number[] }): string;
  decidedBy: string;
  now: Date;
}

/** What `claimDecisions` answers: the request's records after the claim and what this call claimed. */
export interface ClaimDecisionsResult {
  /** Every decision record of the request after the claim. */
  records: DecisionRecord[];
  /** Company ids whose intent this call wrote. */
  claimed: number[];
}

/** The input of `consumeNonce`: a verified state's nonce and the request it was used for. */
export interface ConsumeNonceInput {
  nonce: string;
  requestId: number;
  /** When the state expires: once `now` is past it, the store forgets the nonce (its state is refused as expired anyway). */
  expiresAt: Date;
  now: Date;
}

/** The integration's activation in one environment, as the integrator's store keeps it. */
export interface ActivationRecord {
  integrationId: number;
  companyId: number;
  companyName: string;
  businessId: string;
  /** The definition version in force. */
  version: number;
  status: ActivationStatus;
  technicalUsername: string;
  /**
   * The technical user's API key, sealed (see `SecretSealer`); null when the
   * key was not handed to this store (e.g. synced from the API's list).
   */
  sealedApiKey: string | null;
  /** The request that activated it, when known. */
  requestId: number | null;
  activatedAt: Date;
  updatedAt: Date;
}

/** Which activations `listActivations` answers; every field optional. */
export interface ActivationFilter {
  integrationId?: number;
  status?: ActivationStatus;
}

/** The input of `replaceSealedApiKey`: a compare-and-set of one sealed API key. */
export interface ReplaceSealedApiKeyInput {
  integrationId: number;
  companyId: number;
  /** The sealed value the caller read. */
  from: string;
  /** The value to store instead. */
  to: string;
}

/** The input of `acquireLease`: a named lease, its holder and how long it lasts. */
export interface LeaseInput {
  name: string;
  holder: string;
  ttlMs: number;
  now: Date;
}

/**
 * Seals and opens secrets (the technical users' API keys) for storage. The
 * keyring implementation uses AES-256-GCM with key ids; a sealed value names
 * its key id, so old values still open after a rotation.
 */
export interface SecretSealer {
  seal(plaintext: string): Promise<string>;
  open(sealed: string): Promise<string>;
}
