import type {
  ActivationRecord,
  ActivationStore,
  ClaimDecisionsInput,
  DecisionIntent,
  DecisionRecord,
  NewStoredRequest,
  StoredRequest,
} from "./activation-store.js";

/** The options of `createMemoryStore` (for tests and single-process demos). */
export interface MemoryStoreOptions {
  /**
   * Receives the warning given once when the store is created under
   * `NODE_ENV=production` (a memory store loses every decision and key on
   * restart and is not shared between instances). Default:
   * `process.emitWarning` where it exists; nothing outside production.
   */
  onWarning?: (message: string) => void;
}

const PRODUCTION_WARNING =
  "pcx: the memory ActivationStore keeps decisions and technical-user keys in this process only; " +
  "they are lost on restart and not shared between instances. Use the SQLite or PostgreSQL store in production.";

function warnInProduction(onWarning: MemoryStoreOptions["onWarning"]): void {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  if (env?.NODE_ENV !== "production") return;
  if (onWarning) {
    onWarning(PRODUCTION_WARNING);
    return;
  }
  const emit = (globalThis as { process?: { emitWarning?: (message: string) => void } }).process
    ?.emitWarning;
  emit?.(PRODUCTION_WARNING);
}

/**
 * A deep copy of the plain records kept here (objects, arrays, Dates,
 * primitives), so callers never share state with the store. Hand-written:
 * `structuredClone` cost several times more per callback than the rest of the store.
 */
function copy<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
  return out as T;
}

// Only the interface's fields are kept, as a SQL store would: a caller's extra
// properties must not come back from this store and vanish from the others.
const requestFields = (r: NewStoredRequest): NewStoredRequest => ({
  requestId: r.requestId,
  integrationId: r.integrationId,
  integrationVersion: r.integrationVersion,
  kind: r.kind,
  ref: r.ref,
  stateNonce: r.stateNonce,
  companyIds: [...r.companyIds],
  expiresAt: new Date(r.expiresAt),
  seenAt: new Date(r.seenAt),
});

const activationFields = (a: ActivationRecord): ActivationRecord => ({
  integrationId: a.integrationId,
  companyId: a.companyId,
  companyName: a.companyName,
  businessId: a.businessId,
  version: a.version,
  status: a.status,
  technicalUsername: a.technicalUsername,
  sealedApiKey: a.sealedApiKey,
  requestId: a.requestId,
  activatedAt: new Date(a.activatedAt),
  updatedAt: new Date(a.updatedAt),
});

/**
 * An `ActivationStore` in this process's memory: for development, tests and
 * the demo. Every method is atomic (JavaScript runs one at a time here), so it
 * gives the same guarantees as the SQL stores within one process. Warns when
 * created under `NODE_ENV=production`.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): ActivationStore {
  warnInProduction(options.onWarning);
  const requests = new Map<number, StoredRequest>();
  const decisions = new Map<number, Map<number, DecisionRecord>>();
  const nonces = new Map<string, { requestId: number; expiresAt: Date }>();
  let lastNonceSweep = Number.NEGATIVE_INFINITY;
  const activations = new Map<string, ActivationRecord>();
  const leases = new Map<string, { holder: string; expiresAt: number }>();
  const activationKey = (integrationId: number, companyId: number) =>
    `${integrationId}:${companyId}`;
  const decisionsOf = (requestId: number) => {
    const map = decisions.get(requestId) ?? new Map<number, DecisionRecord>();
    decisions.set(requestId, map);
    return map;
  };
  const sorted = (map: Map<number, DecisionRecord>) =>
    [...map.values()].sort((a, b) => a.companyId - b.companyId).map(copy);

  return {
    async saveRequest(request) {
      const existing = requests.get(request.requestId);
      if (existing) return copy(existing);
      const stored: StoredRequest = { ...requestFields(request), deferred: false };
      requests.set(request.requestId, stored);
      return copy(stored);
    },
    async getRequest(requestId) {
      const found = requests.get(requestId);
      return found ? copy(found) : undefined;
    },
    async setRequestDeferred(requestId, deferred) {
      const found = requests.get(requestId);
      if (found) found.deferred = deferred;
    },
    async claimDecisions(input: ClaimDecisionsInput) {
      const map = decisionsOf(input.requestId);
      const free = new Map<string, DecisionIntent[]>();
      for (const intent of input.intents) {
        if (map.has(intent.companyId)) continue;
        if ([...free.values()].some((g) => g.some((i) => i.companyId === intent.companyId))) {
          continue;
        }
        const reason = intent.action === "reject" ? intent.reason : null;
        const group = JSON.stringify([intent.action, reason]);
        free.set(group, [...(free.get(group) ?? []), { ...intent, reason }]);
      }
      const claimed: number[] = [];
      for (const group of free.values()) {
        const first = group[0] as DecisionIntent;
        const companyIds = group.map((i) => i.companyId).sort((a, b) => a - b);
        const idempotencyKey = input.keyFor({
          action: first.action,
          reason: first.reason,
          companyIds,
        });
        for (const companyId of companyIds) {
          map.set(companyId, {
            requestId: input.requestId,
            companyId,
            action: first.action,
            reason: first.reason,
            idempotencyKey,
            status: "intent",
            outcome: null,
            decidedBy: input.decidedBy,
            createdAt: new Date(input.now),
            appliedAt: null,
          });
          claimed.push(companyId);
        }
      }
      return { records: sorted(map), claimed: claimed.sort((a, b) => a - b) };
    },
    async markDecisionsApplied(requestId, outcomes, appliedAt) {
      const map = decisions.get(requestId);
      for (const { companyId, outcome } of outcomes) {
        const record = map?.get(companyId);
        if (!record) continue;
        record.status = "applied";
        record.outcome = outcome;
        record.appliedAt = new Date(appliedAt);
      }
    },
    async listDecisions(requestId) {
      return sorted(decisions.get(requestId) ?? new Map());
    },
    async listUnappliedDecisions(limit = 100) {
      const all = [...decisions.values()].flatMap((map) => [...map.values()]);
      return all
        .filter((record) => record.status === "intent")
        .sort(
          (a, b) =>
            a.createdAt.getTime() - b.createdAt.getTime() ||
            a.requestId - b.requestId ||
            a.companyId - b.companyId,
        )
        .slice(0, limit)
        .map(copy);
    },
    async consumeNonce({ nonce, requestId, expiresAt, now }) {
      // Sweep expired nonces out at most once a minute (a sweep per call made
      // every callback cost O(nonces kept)); an expired one found here counts as unknown.
      if (now.getTime() - lastNonceSweep >= 60_000 || now.getTime() < lastNonceSweep) {
        lastNonceSweep = now.getTime();
        for (const [key, entry] of nonces) {
          if (entry.expiresAt.getTime() < now.getTime()) nonces.delete(key);
        }
      }
      const found = nonces.get(nonce);
      if (!found || found.expiresAt.getTime() < now.getTime()) {
        nonces.set(nonce, { requestId, expiresAt: new Date(expiresAt) });
        return "consumed";
      }
      return found.requestId === requestId ? "same_request" : "replayed";
    },
    async saveActivation(activation) {
      activations.set(
        activationKey(activation.integrationId, activation.companyId),
        activationFields(activation),
      );
    },
    async getActivation(integrationId, companyId) {
      const found = activations.get(activationKey(integrationId, companyId));
      return found ? copy(found) : undefined;
    },
    async listActivations(filter = {}) {
      return [...activations.values()]
        .filter(
          (a) =>
            (filter.integrationId === undefined || a.integrationId === filter.integrationId) &&
            (filter.status === undefined || a.status === filter.status),
        )
        .sort((a, b) => a.integrationId - b.integrationId || a.companyId - b.companyId)
        .map(copy);
    },
    async replaceSealedApiKey({ integrationId, companyId, from, to }) {
      const found = activations.get(activationKey(integrationId, companyId));
      if (found?.sealedApiKey !== from) return false;
      found.sealedApiKey = to;
      return true;
    },
    async acquireLease({ name, holder, ttlMs, now }) {
      const current = leases.get(name);
      const at = now.getTime();
      if (current && current.holder !== holder && current.expiresAt > at) return false;
      leases.set(name, { holder, expiresAt: at + ttlMs });
      return true;
    },
    async releaseLease(name, holder) {
      if (leases.get(name)?.holder === holder) leases.delete(name);
    },
    async close() {},
  };
}
