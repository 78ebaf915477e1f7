// Each environment's final status, as the demo's account states it:
// approved, rejected with the backend's reason, or refused for the limit.
import { sanitizeForTerminal } from "@pcx/sdk";

/**
 * @typedef {object} EnvironmentOutcome
 * @property {number} companyId
 * @property {string} name
 * @property {string} businessId
 * @property {"approved" | "rejected" | "refused for the limit" | "pending"} outcome
 * @property {string | null} reason The backend's reason (rejected), or why it was not requested (refused).
 */

/**
 * The account's word for an environment the integrator decided.
 * @type {Partial<Record<string, "approved" | "rejected">>}
 */
const OUTCOMES = { APPROVED: "approved", REJECTED: "rejected" };

/**
 * @param {object} input
 * @param {import("@pcx/sdk/contract").ActivationRequest} input.request The request, read over the API after the decision.
 * @param {Array<{ companyId: number, name: string, businessId: string }>} input.environments The customer's environments.
 * @param {number[]} input.firstPicks What the customer picked first (over the limit).
 * @param {number} input.limit The integration's limit.
 * @returns {EnvironmentOutcome[]}
 */
export function outcomesOf({ request, environments, firstPicks, limit }) {
  return firstPicks.map((companyId) => {
    const decided = request.environments.find((env) => env.companyId === companyId);
    if (decided) {
      const outcome = OUTCOMES[decided.status] ?? "pending";
      return { ...pick(decided), outcome, reason: decided.reason };
    }
    const env = environments.find((one) => one.companyId === companyId);
    if (!env) throw new Error(`Environment ${companyId} is not the demo user's.`);
    return {
      ...pick(env),
      outcome: "refused for the limit",
      reason: `at most ${limit} environments at once, so the customer left it out`,
    };
  });
}

/** @param {{ companyId: number, name: string, businessId: string }} env */
const pick = ({ companyId, name, businessId }) => ({ companyId, name, businessId });

/** One line per environment, e.g. `Niemen Leipomo Oy (1982927-3): rejected: "…"`. @param {EnvironmentOutcome} outcome */
export function outcomeLine(outcome) {
  const who = sanitizeForTerminal(`${outcome.name} (${outcome.businessId})`);
  if (outcome.outcome === "approved" || outcome.outcome === "pending")
    return `${who}: ${outcome.outcome}`;
  const reason = sanitizeForTerminal(outcome.reason ?? "", { multiline: false });
  if (outcome.outcome === "rejected") return `${who}: rejected: "${reason}"`;
  return `${who}: refused for the limit (${reason})`;
}
