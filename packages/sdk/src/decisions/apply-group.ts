import type {
  ActivationRequest,
  EnvironmentDecision,
  TechnicalUserCredential,
} from "../contract/index.js";
import type {
  ActivationStore,
  DecisionAction,
  DecisionRecord,
  SecretSealer,
} from "../store/index.js";
import { apiRefusalOf } from "./api-refusal.js";
import type { DecisionClient } from "./decision-client.js";
import { decisionKey } from "./decision-key.js";
import { saveCredentials } from "./save-credentials.js";

/** Environments claimed together: one approve or reject call under one key. */
export interface DecisionGroup {
  key: string;
  action: DecisionAction;
  reason: string | null;
  companyIds: number[];
}

export interface GroupContext {
  client: DecisionClient;
  store: ActivationStore;
  sealer: SecretSealer | false;
  now: () => Date;
  signal?: AbortSignal | undefined;
}

export interface GroupAnswer {
  /** The request as the API answered (possibly replayed from the key's first call). */
  request: ActivationRequest;
  /** Credentials the answer handed over for this group's environments. */
  credentials: TechnicalUserCredential[];
  /** Environments that someone else had decided (the API refused the call for them). */
  refused: number[];
}

/** The unapplied intents of `records`, grouped by their idempotency key (one API call each). */
export function intentGroups(records: readonly DecisionRecord[]): DecisionGroup[] {
  const groups = new Map<string, DecisionGroup>();
  for (const record of records) {
    if (record.status !== "intent") continue;
    const group = groups.get(record.idempotencyKey) ?? {
      key: record.idempotencyKey,
      action: record.action,
      reason: record.reason,
      companyIds: [],
    };
    group.companyIds.push(record.companyId);
    groups.set(record.idempotencyKey, group);
  }
  for (const group of groups.values()) group.companyIds.sort((a, b) => a - b);
  return [...groups.values()];
}

export function statusIn(request: ActivationRequest, companyId: number): EnvironmentDecision {
  return request.environments.find((env) => env.companyId === companyId)?.status ?? "PENDING";
}

async function call(ctx: GroupContext, requestId: number, group: DecisionGroup) {
  const common = {
    environments: group.companyIds,
    idempotencyKey: group.key,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
  if (group.action === "approve") {
    return ctx.client.activationRequests.approve(requestId, common);
  }
  const answer = await ctx.client.activationRequests.reject(requestId, {
    ...common,
    reason: group.reason ?? "",
  });
  return { request: answer.request, credentials: [] as TechnicalUserCredential[] };
}

/**
 * Makes one group's approve or reject call with its stored key (a replay
 * answers the key's first result), saves the credentials it hands over, then
 * marks the environments applied. When Procountor says an environment was
 * already decided or the request expired (nothing of the group is applied
 * then), it reads the request again, marks what is settled, and decides the
 * group's still-pending rest under that rest's own derived key. Any other
 * failure is thrown, and the intents stay for `repairDecisions`.
 */
export async function applyGroup(
  ctx: GroupContext,
  requestId: number,
  group: DecisionGroup,
  depth = 0,
): Promise<GroupAnswer> {
  let answer: { request: ActivationRequest; credentials: TechnicalUserCredential[] };
  try {
    answer = await call(ctx, requestId, group);
  } catch (error) {
    const refusal = apiRefusalOf(error);
    if (refusal !== "already_decided" && refusal !== "expired") throw error;
    return settleRefused(ctx, requestId, group, depth);
  }
  const credentials = answer.credentials.filter((c) => group.companyIds.includes(c.companyId));
  await saveCredentials({
    store: ctx.store,
    sealer: ctx.sealer,
    request: answer.request,
    credentials,
    now: ctx.now(),
  });
  await markSettled(ctx, answer.request, group.companyIds);
  return { request: answer.request, credentials, refused: [] };
}

/** Marks the environments Procountor reports decided (or expired) as applied, with its status. */
async function markSettled(
  ctx: GroupContext,
  request: ActivationRequest,
  companyIds: readonly number[],
): Promise<void> {
  const settled = companyIds
    .map((companyId) => ({
      companyId,
      outcome:
        request.status === "EXPIRED" && statusIn(request, companyId) === "PENDING"
          ? ("EXPIRED" as const)
          : statusIn(request, companyId),
    }))
    .filter(({ outcome }) => outcome !== "PENDING");
  if (settled.length > 0) await ctx.store.markDecisionsApplied(request.id, settled, ctx.now());
}

async function settleRefused(
  ctx: GroupContext,
  requestId: number,
  group: DecisionGroup,
  depth: number,
): Promise<GroupAnswer> {
  const request = await ctx.client.activationRequests.get(
    requestId,
    ctx.signal ? { signal: ctx.signal } : {},
  );
  const open = request.status === "PENDING";
  const pending = open ? group.companyIds.filter((id) => statusIn(request, id) === "PENDING") : [];
  const refused = group.companyIds.filter((id) => !pending.includes(id));
  await markSettled(ctx, request, refused);
  // Part of the group is still pending: decide that part under its own key
  // (deterministic, so a repair that replays it is still one call).
  if (pending.length > 0 && pending.length < group.companyIds.length && depth < 2) {
    const rest = { ...group, companyIds: pending };
    const answer = await applyGroup(
      ctx,
      requestId,
      { ...rest, key: decisionKey({ requestId, ...rest }) },
      depth + 1,
    );
    return { ...answer, refused: [...refused, ...answer.refused] };
  }
  return { request, credentials: [], refused };
}
