import {
  applyDecision,
  type Decision,
  type DecisionResult,
  type EnvironmentResult,
  PcxError,
  type ProcountorClient,
} from "@pcx/sdk";
import type { ActivationRequest } from "@pcx/sdk/contract";
import type { CliContext } from "../context.js";
import {
  configuredStore,
  type DecisionStore,
  memoryDecisionStore,
  openDecisionStore,
} from "./decision-store.js";

export interface DecideInput {
  action: "approve" | "reject";
  /** `--env`: company ids to decide; default every environment still pending. */
  environments: number[];
  /** `--reason` (reject). */
  reason?: string;
  /** `--store URL`. */
  store?: string;
  /** `--show-keys`: print the approved keys once instead of sealing them into a store. */
  showKeys: boolean;
}

/** `pcx requests approve/reject --json`: the per-environment report, and the keys only with --show-keys. */
export interface DecideResult {
  requestId: number;
  action: "approve" | "reject";
  environments: EnvironmentResult[];
  /** Where approved keys were sealed (no password); null when none (or for a rejection without one). */
  store: string | null;
  /** Only with `--show-keys`: each approved environment's technical user and API key. SECRETS. */
  credentials?: { companyId: number; username: string; apiKey: string }[];
}

/** Refuses an approval that would lose the keys, before anything is decided (exit 2). */
export function refuseWithoutStore(input: DecideInput, ctx: Pick<CliContext, "env">): void {
  if (input.action !== "approve" || input.showKeys) return;
  if (configuredStore(input.store, ctx) !== undefined) return;
  throw new PcxError(
    "pcx_usage",
    "pcx requests approve needs somewhere to keep the technical users' API keys an approval hands over (your only access to those customers), and no store is configured.",
    {
      hint: "Give --store sqlite:./pcx.db (or a postgres:// URL, or PCX_STORE) with PCX_KEYRING to seal the keys there, or --show-keys to print them once and keep them yourself.",
    },
  );
}

/** The named environments (default: the pending ones), each checked against the request: pcx_usage naming --env. */
export function pickEnvironments(request: ActivationRequest, named: readonly number[]): number[] {
  const known = new Set(request.environments.map((env) => env.companyId));
  const unknown = named.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new PcxError(
      "pcx_usage",
      `--env ${unknown.join(", ")}: not an environment of activation request ${request.id}; it has ${[...known].join(", ")}.`,
      { hint: `Run "pcx requests show ${request.id}" for its environments.` },
    );
  }
  if (named.length > 0) return [...new Set(named)];
  return request.environments.filter((env) => env.status === "PENDING").map((env) => env.companyId);
}

/** A request that can no longer be decided: pcx_request_expired / pcx_already_decided (exit 3), naming it. */
export function refuseClosed(request: ActivationRequest): void {
  if (request.status === "EXPIRED") {
    throw new PcxError(
      "pcx_request_expired",
      `Activation request ${request.id} expired at ${request.expiresAt}; nothing was decided.`,
      { hint: "The customer has to send a new request from the activation link." },
    );
  }
  if (request.status === "COMPLETED") {
    throw new PcxError(
      "pcx_already_decided",
      `Activation request ${request.id} is already decided in every environment; nothing was changed.`,
      { hint: `Run "pcx requests show ${request.id}" to see who decided what.` },
    );
  }
}

/**
 * Decides the request through the SDK's decision module (`applyDecision`):
 * with a configured store, the approved keys are sealed into it with the
 * PCX_KEYRING keyring; otherwise an in-memory store records the decision and
 * the keys are only in the result (`--show-keys`).
 */
export async function decideRequest(
  client: ProcountorClient,
  request: ActivationRequest,
  input: DecideInput,
  ctx: Pick<CliContext, "env" | "cwd">,
): Promise<DecideResult> {
  refuseClosed(request);
  const companyIds = pickEnvironments(request, input.environments);
  const url = configuredStore(input.store, ctx);
  const target: DecisionStore = url
    ? await openDecisionStore(url, ctx, { requireKeyring: input.action === "approve" })
    : memoryDecisionStore();
  let result: DecisionResult;
  try {
    const decision: Decision = companyIds.map((companyId) =>
      input.action === "approve"
        ? { companyId, action: "approve" as const }
        : { companyId, action: "reject" as const, reason: input.reason ?? "" },
    );
    result = await applyDecision({
      client,
      store: target.store,
      request,
      decision,
      decidedBy: "cli",
      sealer: target.sealer,
    });
  } finally {
    await target.close();
  }
  const named = new Set(companyIds);
  return {
    requestId: result.requestId,
    action: input.action,
    environments: result.environments,
    store: target.shown ?? null,
    ...(input.showKeys && input.action === "approve"
      ? {
          credentials: result.credentials
            .filter((c) => named.has(c.companyId))
            .map((c) => ({ companyId: c.companyId, username: c.username, apiKey: c.apiKey })),
        }
      : {}),
  };
}

/** Exit 1 when none of the environments asked for got this decision (someone else decided them first). */
export function nothingApplied(result: DecideResult): boolean {
  const mine = result.action === "approve" ? "approved" : "rejected";
  return !result.environments.some((env) => env.outcome === mine);
}
