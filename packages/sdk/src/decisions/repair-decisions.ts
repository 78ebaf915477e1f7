import type { ActivationStore, SecretSealer } from "../store/index.js";
import { applyGroup, type GroupAnswer, intentGroups } from "./apply-group.js";
import type { DecisionClient } from "./decision-client.js";
import { decisionReport } from "./decision-report.js";
import type { DecisionResult } from "./decision-result.js";

/** The options of `repairDecisions`. */
export interface RepairDecisionsOptions {
  /** The API client. Required. */
  client: DecisionClient;
  /** The store whose unconfirmed intents to replay. Required. */
  store: ActivationStore;
  /** Seals the API keys an approval hands over (see `applyDecision`). Required. */
  sealer: SecretSealer | false;
  /** The clock. Default: `() => new Date()`. */
  now?: () => Date;
  /** At most this many intents per run (oldest first). Default: 100. */
  limit?: number;
  /** Cancels the API calls. Default: none. */
  signal?: AbortSignal;
}

/** What `repairDecisions` did: the requests it finished and those it could not reach. */
export interface RepairDecisionsResult {
  /** One report per request whose intents were replayed; the replayed environments count as applied. */
  repaired: DecisionResult[];
  /** Requests whose replay failed (network, API down); their intents stay for the next run. */
  failed: Array<{ requestId: number; error: unknown }>;
}

/**
 * Finishes decisions whose API call was never confirmed (the process died
 * between the call and the store's write, or the call failed): replays each
 * unconfirmed intent with its stored idempotency key. The API applies a key
 * once, so a replay either applies the decision now or answers the first
 * result (credentials included, which are sealed and saved). Run it at
 * start-up and now and then (the reconciler does).
 */
export async function repairDecisions(
  options: RepairDecisionsOptions,
): Promise<RepairDecisionsResult> {
  const { client, store, sealer } = options;
  const now = options.now ?? (() => new Date());
  const intents = await store.listUnappliedDecisions(options.limit ?? 100);
  const requestIds = [...new Set(intents.map((record) => record.requestId))];
  const result: RepairDecisionsResult = { repaired: [], failed: [] };
  for (const requestId of requestIds) {
    try {
      const groups = intentGroups(intents.filter((record) => record.requestId === requestId));
      const answers: GroupAnswer[] = [];
      for (const group of groups) {
        answers.push(
          await applyGroup(
            { client, store, sealer, now, signal: options.signal },
            requestId,
            group,
          ),
        );
      }
      const first = answers[0];
      if (!first) continue;
      result.repaired.push(
        decisionReport({
          request: first.request,
          answers,
          records: await store.listDecisions(requestId),
          ours: new Set(groups.flatMap((group) => group.companyIds)),
        }),
      );
    } catch (error) {
      result.failed.push({ requestId, error });
    }
  }
  return result;
}
