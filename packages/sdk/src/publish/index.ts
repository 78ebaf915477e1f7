export { applyPublishPlan, type PublishOutcome } from "./apply-publish-plan.js";
export { type PlanPublishOptions, type PublishClient, planPublish } from "./plan-publish.js";
export type { PublishAction, PublishLimit, PublishPlan } from "./publish-plan.js";
export {
  type ActivationCount,
  type IntegrationSummary,
  summarizeIntegration,
} from "./summarize-integration.js";
export { toWireDefinition } from "./to-wire-definition.js";
