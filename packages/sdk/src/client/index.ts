export type {
  ActivationRequestListOptions,
  ActivationRequestListPageOptions,
  ActivationRequestsResource,
  ApproveOptions,
  RejectOptions,
} from "./activation-requests-resource.js";
export type {
  ActivationListOptions,
  ActivationListPageOptions,
  ActivationsResource,
} from "./activations-resource.js";
export {
  type CallOptions,
  type ClientCredentials,
  type ClientLogger,
  type ClientOptions,
  type EnvironmentClientOptions,
  type MutationOptions,
  PRODUCTION_BASE_URL,
  PTS_BASE_URL,
  type RateLimitOptions,
  type RetryOptions,
  SANDBOX_BASE_URL,
} from "./client-options.js";
export { type FetchTransportOptions, fetchTransport } from "./fetch-transport.js";
export {
  type DecisionKeyInput,
  decisionIdempotencyKey,
  randomIdempotencyKey,
} from "./idempotency-key.js";
export type {
  DefinitionInput,
  IntegrationsResource,
  ListOptions,
  ListPageOptions,
} from "./integrations-resource.js";
export type { PageIterator } from "./page-iterator.js";
export { createClient, ProcountorClient } from "./procountor-client.js";
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
} from "./rate-limiter.js";
export { isSecretKey, REDACTED, redact, redactHeaders } from "./redact.js";
export type { ExecuteInput } from "./request-executor.js";
export { backoffDelay, parseRetryAfter } from "./retry-policy.js";
export type {
  ClosableTransport,
  Transport,
  TransportRequest,
  TransportResponse,
} from "./transport.js";
export { type UndiciTransportOptions, undiciTransport } from "./undici-transport.js";
