// @pcx/sandbox: a local Procountor emulator (docs/sandbox.md).

export type { ActivationStatus, EnvironmentDecision, RequestStatus } from "@pcx/sdk/contract";
// the clock and the outbox (tests: expiry without waiting, the status e-mail)
export { type AdvanceClockOptions, type AdvancedClock, advanceClock } from "./advance-clock.js";
// running it: in process (a fetch), or on a port
export { createSandbox, type Sandbox } from "./create-sandbox.js";
// the customer's browser for the pages (tests and the root demo drive them with it)
export { type CustomerAgent, customerAgent, type PageAnswer } from "./customer-agent.js";
// the engine: the Procountor side as an in-process service (the customer's pages call it)
export type { Principal } from "./engine/auth.js";
export type { CreateCustomerInput, CreatedCustomer } from "./engine/create-customer.js";
export type { CustomerEnvironment, NotSelectableReason } from "./engine/customer-environments.js";
export type { CustomerOverview } from "./engine/customer-overview.js";
export type { SandboxEvent } from "./engine/engine-context.js";
export type { ReviewDecision } from "./engine/integrations.js";
export { type ClockReading, MAX_CLOCK_STEP_MS } from "./engine/sandbox-clock.js";
export {
  type CustomerIntegration,
  SandboxEngine,
  type SandboxEngineOptions,
} from "./engine/sandbox-engine.js";
export type {
  StartActivationInput,
  StartedRequest,
  StartUpdateInput,
} from "./engine/start-requests.js";
export type { SandboxState } from "./engine/state-dump.js";
// fixtures
export { isValidBusinessId } from "./fixtures/business-id.js";
export { DEMO_CREDENTIALS, type SandboxCredentials } from "./fixtures/demo-credentials.js";
export {
  ACCOUNTING_FIRM_COMPANY_IDS,
  ACCOUNTING_FIRM_USER,
  DEMO_COMPANY_IDS,
  DEMO_USER,
  SECOND_DEMO_USER,
} from "./fixtures/demo-fixtures.js";
// HTTP: handlers mounted beside the API, the admin routes and the customer's pages
export {
  errorBodyOf,
  errorResponse,
  jsonResponse,
  parseJsonBody,
  readBody,
} from "./http/http-io.js";
export type { SandboxHandler, SandboxRequestContext } from "./http/sandbox-handler.js";
export type { SandboxStats } from "./http/sandbox-stats.js";
export { type EmailText, statusEmailText, statusEmailTexts } from "./outbox/status-email-text.js";
export { DEFAULT_PRICE_LIST_URL } from "./pages/pricing-note.js";
export { SandboxError } from "./sandbox-error.js";
export type { SandboxLogger } from "./sandbox-logger.js";
export type { SandboxOptions } from "./sandbox-options.js";
export { type RunningSandbox, startSandbox } from "./start-sandbox.js";
export type { EmailEnvironment, SandboxEmail } from "./store/outbox-repo.js";
