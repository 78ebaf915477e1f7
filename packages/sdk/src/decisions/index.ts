export { type ApiRefusal, apiRefusalOf } from "./api-refusal.js";
export { type ApplyDecisionOptions, applyDecision } from "./apply-decision.js";
export {
  approveAll,
  type Decision,
  deferAll,
  type EnvironmentOutcome,
  rejectAll,
} from "./decision.js";
export type { DecisionClient } from "./decision-client.js";
export { type DecisionKeyGroup, decisionKey } from "./decision-key.js";
export type {
  DecisionResult,
  EnvironmentResult,
  EnvironmentResultOutcome,
} from "./decision-result.js";
export {
  type RepairDecisionsOptions,
  type RepairDecisionsResult,
  repairDecisions,
} from "./repair-decisions.js";
export {
  type DecisionIssue,
  type DecisionValidation,
  validateDecision,
} from "./validate-decision.js";
