import { type ActivationRequest, RejectBodySchema } from "../contract/index.js";
import type { Decision, EnvironmentOutcome } from "./decision.js";

/** One problem of a decision, by its dot-path. */
export interface DecisionIssue {
  /** Dot-path into the decision, e.g. "2.reason". */
  path: string;
  message: string;
}

/** What `validateDecision` answers: the checked decision, or the issues. */
export interface DecisionValidation {
  /** The decision with trimmed reasons, in the request's environment order; undefined when `errors` is not empty. */
  value: Decision | undefined;
  errors: DecisionIssue[];
}

const ACTIONS = new Set(["approve", "reject", "defer"]);
const reasonSchema = RejectBodySchema.shape.reason;

/**
 * Checks a decision against its request: every outcome names an environment
 * of the request once, with "approve", "reject" (with a reason of 1–500
 * characters) or "defer". Returns issues instead of throwing.
 */
export function validateDecision(
  request: Pick<ActivationRequest, "id" | "environments">,
  decision: unknown,
): DecisionValidation {
  const errors: DecisionIssue[] = [];
  if (!Array.isArray(decision)) {
    return {
      value: undefined,
      errors: [{ path: "", message: "a decision is an array of { companyId, action } outcomes" }],
    };
  }
  const known = new Set(request.environments.map((env) => env.companyId));
  const seen = new Set<number>();
  const outcomes = new Map<number, EnvironmentOutcome>();
  decision.forEach((item: unknown, index) => {
    const outcome = item as Partial<{ companyId: unknown; action: unknown; reason: unknown }>;
    if (typeof outcome !== "object" || outcome === null) {
      errors.push({ path: `${index}`, message: "must be an object { companyId, action }" });
      return;
    }
    const { companyId, action } = outcome;
    if (typeof companyId !== "number" || !known.has(companyId)) {
      errors.push({
        path: `${index}.companyId`,
        message: `${String(companyId)} is not an environment of activation request ${request.id}; it has ${[...known].join(", ")}`,
      });
      return;
    }
    if (seen.has(companyId)) {
      errors.push({
        path: `${index}.companyId`,
        message: `environment ${companyId} is named twice`,
      });
      return;
    }
    seen.add(companyId);
    if (typeof action !== "string" || !ACTIONS.has(action)) {
      errors.push({
        path: `${index}.action`,
        message: `must be "approve", "reject" or "defer", not ${JSON.stringify(action)}`,
      });
      return;
    }
    if (action === "reject") {
      const reason = reasonSchema.safeParse(outcome.reason);
      if (!reason.success) {
        errors.push({
          path: `${index}.reason`,
          message:
            "a rejection needs a reason of 1 to 500 characters; the customer reads it in Procountor",
        });
        return;
      }
      outcomes.set(companyId, { companyId, action, reason: reason.data });
      return;
    }
    outcomes.set(companyId, { companyId, action: action as "approve" | "defer" });
  });
  if (errors.length > 0) return { value: undefined, errors };
  const value = request.environments.flatMap((env) => {
    const outcome = outcomes.get(env.companyId);
    return outcome ? [outcome] : [];
  });
  return { value, errors };
}
