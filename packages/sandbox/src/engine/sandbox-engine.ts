import type {
  Activation,
  ActivationRequest,
  ActivationStatus,
  ApproveBody,
  ApproveResult,
  Integration,
  IntegrationVersion,
  Limits,
  Page,
  PageQuery,
  RejectBody,
  RejectResult,
  RequestStatus,
  TokenRequest,
  TokenResponse,
  WireDefinition,
} from "@pcx/sdk/contract";
import { notFound } from "../sandbox-error.js";
import type { UserRow } from "../store/directory-repo.js";
import type { Store } from "../store/open-store.js";
import { deactivate, listActivations } from "./activations.js";
import { authenticate, introspect, issueToken, type Principal } from "./auth.js";
import {
  type CreateCustomerInput,
  type CreatedCustomer,
  createCustomer,
} from "./create-customer.js";
import {
  type CustomerEnvironment,
  describeEnvironments,
  listUpdatableEnvironments,
} from "./customer-environments.js";
import { type CustomerOverview, customerOverview } from "./customer-overview.js";
import { approvedVersionForCustomer } from "./customer-versions.js";
import {
  approveRequest,
  getActivationRequest,
  listActivationRequestsOf,
  rejectRequest,
} from "./decisions.js";
import type { EngineContext, SandboxEvent } from "./engine-context.js";
import { runIdempotent, type StoredAnswer } from "./idempotency.js";
import { anyIntegration, publishedVersionOf } from "./integration-access.js";
import {
  createIntegration,
  getIntegration,
  getLimits,
  listIntegrations,
  type ReviewDecision,
  reviewIntegration,
  setLimits,
  updateIntegration,
} from "./integrations.js";
import { expireDueRequests } from "./request-status.js";
import {
  callbackUrlFor,
  type StartActivationInput,
  type StartedRequest,
  type StartUpdateInput,
  startActivation,
  startUpdate,
} from "./start-requests.js";
import { dumpState, type SandboxState } from "./state-dump.js";
import { activationLinkOf, toActivationRequest, toVersion } from "./views.js";

export interface SandboxEngineOptions {
  store: Store;
  /** The clock. Default: real time. */
  now?: () => Date;
  /** Pending activation requests expire after this long. Default: 15 minutes. */
  requestTtlMs?: number;
  /** Access tokens live this long. Default: 3600 s. */
  tokenTtlSeconds?: number;
  /** The server's public URL, used for activation links. Default: http://127.0.0.1:4010. */
  publicUrl?: () => string;
}

/** The published integration as the customer's pages show it. */
export interface CustomerIntegration {
  id: number;
  published: IntegrationVersion;
  maxConcurrentActivations: number | null;
  activationLink: string;
}

/**
 * The Procountor side of the flow as a plain in-process service: no HTTP.
 * The API and admin routes call it, and so do the customer's pages. Every
 * method is synchronous and runs in one SQLite transaction (pending requests
 * past their expiry are expired first), so on Node's single thread each call
 * is atomic. Domain errors are `SandboxError`s with an HTTP status, a code
 * and a message fit to show.
 */
export class SandboxEngine {
  readonly #ctx: EngineContext;
  readonly #listeners = new Set<(event: SandboxEvent) => void>();
  #pending: SandboxEvent[] = [];
  #depth = 0;

  constructor(options: SandboxEngineOptions) {
    this.#ctx = {
      store: options.store,
      now: options.now ?? (() => new Date()),
      requestTtlMs: options.requestTtlMs ?? 15 * 60_000,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
      publicUrl: options.publicUrl ?? (() => "http://127.0.0.1:4010"),
      emit: (event) => this.#pending.push(event),
    };
  }

  /** Runs `fn` atomically; events are delivered after the commit, dropped on rollback. */
  transaction<T>(fn: () => T): T {
    this.#depth++;
    let result: T;
    try {
      result = this.#ctx.store.transaction(() => {
        if (this.#depth === 1) expireDueRequests(this.#ctx);
        return fn();
      });
    } catch (error) {
      if (this.#depth === 1) this.#pending = [];
      throw error;
    } finally {
      this.#depth--;
    }
    if (this.#depth === 0) this.#flush();
    return result;
  }

  #flush(): void {
    const events = this.#pending;
    this.#pending = [];
    for (const event of events) for (const listener of this.#listeners) listener(event);
  }

  /** Subscribes to changes (after commit); returns the unsubscribe function. */
  onChange(listener: (event: SandboxEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  now(): Date {
    return this.#ctx.now();
  }

  // ── The integrator (partner API), scoped to the API client ──

  createIntegration(clientId: string, definition: WireDefinition): Integration {
    return this.transaction(() => createIntegration(this.#ctx, clientId, definition));
  }
  listIntegrations(clientId: string, query: PageQuery): Page<Integration> {
    return this.transaction(() => listIntegrations(this.#ctx, clientId, query));
  }
  getIntegration(clientId: string, integrationId: number): Integration {
    return this.transaction(() => getIntegration(this.#ctx, clientId, integrationId));
  }
  updateIntegration(
    clientId: string,
    integrationId: number,
    definition: WireDefinition,
  ): Integration {
    return this.transaction(() =>
      updateIntegration(this.#ctx, clientId, integrationId, definition),
    );
  }
  getLimits(clientId: string, integrationId: number): Limits {
    return this.transaction(() => getLimits(this.#ctx, clientId, integrationId));
  }
  setLimits(clientId: string, integrationId: number, limits: Limits): Limits {
    return this.transaction(() => setLimits(this.#ctx, clientId, integrationId, limits));
  }
  listActivationRequests(
    clientId: string,
    integrationId: number,
    query: PageQuery & { status?: RequestStatus | undefined },
  ): Page<ActivationRequest> {
    return this.transaction(() =>
      listActivationRequestsOf(this.#ctx, clientId, integrationId, query),
    );
  }
  getActivationRequest(clientId: string, requestId: number): ActivationRequest {
    return this.transaction(() => getActivationRequest(this.#ctx, clientId, requestId));
  }
  approveActivationRequest(clientId: string, requestId: number, body: ApproveBody): ApproveResult {
    return this.transaction(() => approveRequest(this.#ctx, clientId, requestId, body));
  }
  rejectActivationRequest(clientId: string, requestId: number, body: RejectBody): RejectResult {
    return this.transaction(() => rejectRequest(this.#ctx, clientId, requestId, body));
  }
  listActivations(
    clientId: string,
    integrationId: number,
    query: PageQuery & { status?: ActivationStatus | undefined },
  ): Page<Activation> {
    return this.transaction(() => listActivations(this.#ctx, clientId, integrationId, query));
  }
  deactivate(clientId: string, integrationId: number, companyId: number): Activation {
    return this.transaction(() => deactivate(this.#ctx, clientId, integrationId, companyId));
  }

  /** Applies `apply` once per (client, Idempotency-Key); see docs/contract.md "Idempotency". */
  idempotent(
    clientId: string,
    key: string,
    fingerprint: string,
    apply: () => StoredAnswer,
  ): StoredAnswer & { replayed: boolean } {
    return this.transaction(() => runIdempotent(this.#ctx, clientId, key, fingerprint, apply));
  }

  // ── Procountor's reviewer ──

  /** Approves or requests changes to the latest version (which must be IN_REVIEW). */
  reviewIntegration(
    integrationId: number,
    decision: ReviewDecision,
    options: { comment?: string; version?: number } = {},
  ): Integration {
    return this.transaction(() =>
      reviewIntegration(this.#ctx, integrationId, decision, options.comment, options.version),
    );
  }
  /** Versions waiting for review, oldest first. */
  listInReview(): { integrationId: number; version: number; submittedAt: string }[] {
    return this.transaction(() =>
      this.#ctx.store.integrations
        .listInReview()
        .map(({ integrationId, version, submittedAt }) => ({
          integrationId,
          version,
          submittedAt,
        })),
    );
  }

  // ── The customer (pages and /sandbox admin routes) ──

  /** A new customer user with `companies` fresh environments (load tests); see createCustomer. */
  createCustomer(input: CreateCustomerInput): CreatedCustomer {
    return this.transaction(() => createCustomer(this.#ctx, input));
  }
  listUsers(): UserRow[] {
    return this.transaction(() => this.#ctx.store.directory.listUsers());
  }
  getUser(userId: number): UserRow | undefined {
    return this.transaction(() => this.#ctx.store.directory.getUser(userId));
  }
  findUserBySignInName(signInName: string): UserRow | undefined {
    return this.transaction(() => this.#ctx.store.directory.findUserBySignInName(signInName));
  }
  /** What the activation link shows; 404 for an unknown id, 409 NOT_PUBLISHED before the first approval. */
  getIntegrationForCustomer(integrationId: number): CustomerIntegration {
    return this.transaction(() => {
      const row = anyIntegration(this.#ctx, integrationId);
      return {
        id: row.id,
        published: toVersion(publishedVersionOf(this.#ctx, integrationId)),
        maxConcurrentActivations: row.maxConcurrent,
        activationLink: activationLinkOf(this.#ctx, integrationId),
      };
    });
  }
  /** An approved version of an integration (the update flow's "before"); 404 otherwise. */
  getApprovedVersionForCustomer(integrationId: number, version: number): IntegrationVersion {
    return this.transaction(() => approvedVersionForCustomer(this.#ctx, integrationId, version));
  }
  /** All of the user's environments, each with `selectable` and why not. */
  describeEnvironments(userId: number, integrationId: number): CustomerEnvironment[] {
    return this.transaction(() => describeEnvironments(this.#ctx, userId, integrationId));
  }
  /** The environment picker: only where the user may activate (legacy manual activations included). */
  listSelectableEnvironments(userId: number, integrationId: number): CustomerEnvironment[] {
    return this.describeEnvironments(userId, integrationId).filter((env) => env.selectable);
  }
  /** The update flow's picker: UPDATE_REQUIRED environments the user can update. */
  listUpdatableEnvironments(userId: number, integrationId: number): CustomerEnvironment[] {
    return this.transaction(() => listUpdatableEnvironments(this.#ctx, userId, integrationId));
  }
  /** Creates a PENDING ACTIVATION request; 422 LIMIT_EXCEEDED over the limit, 400/409 NOT_SELECTABLE. */
  startActivation(input: StartActivationInput): StartedRequest {
    return this.transaction(() => startActivation(this.#ctx, input));
  }
  /** Creates a PENDING UPDATE request for UPDATE_REQUIRED environments. */
  startUpdate(input: StartUpdateInput): StartedRequest {
    return this.transaction(() => startUpdate(this.#ctx, input));
  }
  /** Any request by id, unscoped (admin routes). */
  getRequest(requestId: number): ActivationRequest {
    return this.transaction(() => {
      const row = this.#ctx.store.requests.get(requestId);
      if (!row) throw notFound(`Activation request ${requestId}`);
      return toActivationRequest(this.#ctx, row);
    });
  }
  /** A request as its customer sees it (status page); 404 when it is another user's. */
  getRequestForCustomer(userId: number, requestId: number): ActivationRequest {
    return this.transaction(() => {
      const row = this.#ctx.store.requests.get(requestId);
      if (!row || row.userId !== userId) throw notFound(`Activation request ${requestId}`);
      return toActivationRequest(this.#ctx, row);
    });
  }
  /** The integrator's callback URL for a request: `{callbackUrl}?activationRequestId=…&state=…`. */
  callbackUrlFor(requestId: number): string {
    return this.transaction(() => {
      const row = this.#ctx.store.requests.get(requestId);
      if (!row) throw notFound(`Activation request ${requestId}`);
      return callbackUrlFor(this.#ctx, toActivationRequest(this.#ctx, row));
    });
  }
  /** The "Hello" widget: latest requests with per-environment status and reasons, updates required. */
  customerOverview(userId: number, limit = 10): CustomerOverview {
    return this.transaction(() => customerOverview(this.#ctx, userId, limit));
  }

  // ── Auth ──

  /** POST /oauth/token; throws OAuthFailure. */
  issueToken(form: TokenRequest): TokenResponse {
    return this.transaction(() => issueToken(this.#ctx, form));
  }
  /** Resolves a bearer token; throws a 401 SandboxError. */
  authenticate(token: string | undefined): Principal {
    return this.transaction(() => authenticate(this.#ctx, token));
  }
  introspect(token: string): ReturnType<typeof introspect> {
    return this.transaction(() => introspect(this.#ctx, token));
  }

  // ── Housekeeping ──

  /** Expires pending requests past their time (also done before every call); returns their ids. */
  expireDueRequests(): number[] {
    return this.transaction(() => expireDueRequests(this.#ctx));
  }
  /** Forgets idempotency answers and expired tokens older than `maxAgeMs`. */
  prune(maxAgeMs = 24 * 3600_000): void {
    this.transaction(() => {
      const before = new Date(this.#ctx.now().getTime() - maxAgeMs).toISOString();
      this.#ctx.store.idempotency.prune(before);
      this.#ctx.store.credentials.pruneTokens(before);
    });
  }
  /** A dump for invariant tests (no secrets). */
  dumpState(): SandboxState {
    return this.transaction(() => dumpState(this.#ctx));
  }
}
