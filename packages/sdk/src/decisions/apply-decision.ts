import type { ActivationRequest } from "../contract/index.js";
import { PcxError } from "../errors/index.js";
import type { ActivationStore, DecisionIntent, SecretSealer } from "../store/index.js";
import { applyGroup, type GroupAnswer, intentGroups, statusIn } from "./apply-group.js";
import type { Decision } from "./decision.js";
import type { DecisionClient } from "./decision-client.js";
import { decisionKey } from "./decision-key.js";
import { decisionReport } from "./decision-report.js";
import type { DecisionResult } from "./decision-result.js";
import { validateDecision } from "./validate-decision.js";

/** The options of `applyDecision`. */
export interface ApplyDecisionOptions {
  /** The API client (a `ProcountorClient`, or anything with `activationRequests.get/approve/reject`). Required. */
  client: DecisionClient;
  /** Where intents, outcomes and activations are recorded. Required. */
  store: ActivationStore;
  /** The request as just read from the API (`client.activationRequests.get`). Required. */
  request: ActivationRequest;
  /** An outcome per environment. Required. */
  decision: Decision;
  /** Who decides, recorded with each intent: an instance id, "reconciler", "cli", … Required. */
  decidedBy: string;
  /**
   * Seals each approved environment's technical-user API key before it is
   * saved as an activation (`store.saveActivation`); `false` saves the
   * activation without its key (`sealedApiKey: null`), when the integrator
   * keeps the keys from `credentials` itself. Required.
   */
  sealer: SecretSealer | false;
  /** The clock. Default: `() => new Date()`. */
  now?: () => Date;
  /** Cancels the API calls. Default: none. */
  signal?: AbortSignal;
}

/**
 * Applies a decision to one activation request, exactly once per environment
 * however many instances try at the same time:
 *
 * 1. Claims intents in the store for the environments still pending
 *    (atomically per request; each group of the same action and reason gets
 *    the key `decisionKey` derives). Environments another instance claimed
 *    first keep that instance's decision.
 * 2. Makes one approve or reject call per group with the STORED key, also
 *    for groups another instance claimed and has not confirmed yet: the API
 *    applies a key once and answers every replay with its first result.
 * 3. Seals and saves the credentials an approval hands over, then marks the
 *    environments applied.
 *
 * Reports every environment: approved, rejected, already decided (by whom),
 * expired or deferred. Throws `pcx_usage` for a decision that does not fit
 * the request (see `validateDecision`), and the client's error when an API
 * call fails for another reason: the intents stay, and `repairDecisions`
 * (or the next attempt) finishes them with the same keys.
 */
export async function applyDecision(options: ApplyDecisionOptions): Promise<DecisionResult> {
  const { client, store, request, decidedBy, sealer } = options;
  const now = options.now ?? (() => new Date());
  const checked = validateDecision(request, options.decision);
  if (!checked.value) {
    throw new PcxError(
      "pcx_usage",
      `The decision for activation request ${request.id} is not valid: ${checked.errors
        .map((issue) => `${issue.path ? `${issue.path}: ` : ""}${issue.message}`)
        .join("; ")}`,
      { details: { issues: checked.errors } },
    );
  }
  const intents: DecisionIntent[] = checked.value.flatMap((outcome) =>
    outcome.action === "defer" || statusIn(request, outcome.companyId) !== "PENDING"
      ? []
      : [
          {
            companyId: outcome.companyId,
            action: outcome.action,
            reason: outcome.action === "reject" ? outcome.reason : null,
          },
        ],
  );
  const named = new Set(intents.map((intent) => intent.companyId));
  const claim =
    intents.length > 0
      ? await store.claimDecisions({
          requestId: request.id,
          intents,
          keyFor: (group) => decisionKey({ requestId: request.id, ...group }),
          decidedBy,
          now: now(),
        })
      : { records: await store.listDecisions(request.id), claimed: [] as number[] };
  const claimed = new Set(claim.claimed);
  // Replay every unconfirmed intent touching this decision's environments:
  // ours, and those of an instance that claimed first (its key, its decision).
  const groups = intentGroups(claim.records).filter((group) =>
    group.companyIds.some((id) => named.has(id)),
  );
  const answers: GroupAnswer[] = [];
  for (const group of groups) {
    answers.push(
      await applyGroup({ client, store, sealer, now, signal: options.signal }, request.id, group),
    );
  }
  // Ours: what this call claimed, and our own earlier intents it just
  // confirmed (a retry after a failed call, by the same decider).
  const replayed = new Set(groups.flatMap((group) => group.companyIds));
  const ours = new Set(
    claim.records
      .filter(
        (record) =>
          claimed.has(record.companyId) ||
          (replayed.has(record.companyId) && record.decidedBy === decidedBy),
      )
      .map((record) => record.companyId),
  );
  // The claim's records name every decider; applying changed only their status.
  return decisionReport({ request, answers, records: claim.records, ours });
}
