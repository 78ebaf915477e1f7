import type {
  ActivationRequest,
  EnvironmentDecision,
  TechnicalUserCredential,
} from "../contract/index.js";
import type { DecisionRecord } from "../store/index.js";
import type { GroupAnswer } from "./apply-group.js";
import type { DecisionResult, EnvironmentResult } from "./decision-result.js";

export interface ReportInput {
  /** The request as fetched before deciding (or the first answer, for a repair). */
  request: ActivationRequest;
  answers: readonly GroupAnswer[];
  /** Every decision record of the request after applying. */
  records: readonly DecisionRecord[];
  /** Environments this decision applied (claimed, or replayed on the decider's behalf). */
  ours: ReadonlySet<number>;
}

/**
 * The request with each environment's latest known status: a group's answer
 * is authoritative for that group's environments (a replayed answer may be
 * older for the others).
 */
function merged(input: ReportInput): ActivationRequest {
  const latest = new Map(input.request.environments.map((env) => [env.companyId, env]));
  let last = input.request;
  for (const answer of input.answers) {
    last = answer.request;
    for (const env of answer.request.environments) {
      const known = latest.get(env.companyId);
      if (!known || (known.status === "PENDING" && env.status !== "PENDING")) {
        latest.set(env.companyId, env);
      }
    }
  }
  const environments = input.request.environments.map((env) => latest.get(env.companyId) ?? env);
  const open = environments.some((env) => env.status === "PENDING");
  const status = open ? last.status : last.status === "EXPIRED" ? "EXPIRED" : "COMPLETED";
  return { ...last, status, environments };
}

function outcomeOf(status: EnvironmentDecision, ours: boolean): EnvironmentResult["outcome"] {
  if (status === "EXPIRED") return "expired";
  if (status === "PENDING") return "deferred";
  if (!ours) return "already_decided";
  return status === "APPROVED" ? "approved" : "rejected";
}

/** The per-environment report of an applied decision; credentials kept out of enumeration. */
export function decisionReport(input: ReportInput): DecisionResult {
  const request = merged(input);
  const records = new Map(input.records.map((record) => [record.companyId, record]));
  const refused = new Set(input.answers.flatMap((answer) => answer.refused));
  const environments = request.environments.map((env): EnvironmentResult => {
    const ours = input.ours.has(env.companyId) && !refused.has(env.companyId);
    const record = records.get(env.companyId);
    return {
      companyId: env.companyId,
      name: env.name,
      businessId: env.businessId,
      outcome: outcomeOf(env.status, ours),
      status: env.status,
      reason: env.reason,
      decidedBy:
        env.status === "APPROVED" || env.status === "REJECTED"
          ? refused.has(env.companyId)
            ? null
            : (record?.decidedBy ?? null)
          : null,
    };
  });
  const approved = new Set(
    environments.filter((env) => env.outcome === "approved").map((env) => env.companyId),
  );
  const credentials: TechnicalUserCredential[] = input.answers
    .flatMap((answer) => answer.credentials)
    .filter((credential) => approved.has(credential.companyId));
  const result = { requestId: request.id, request, environments } as DecisionResult;
  Object.defineProperty(result, "credentials", { value: credentials, enumerable: false });
  return result;
}
