import type { ActivationRequestsResource } from "../client/index.js";

/**
 * What deciding needs from the API client: reading a request, approving and
 * rejecting. A `ProcountorClient` is one; tests and benchmarks may pass a
 * stand-in.
 */
export interface DecisionClient {
  readonly activationRequests: Pick<ActivationRequestsResource, "get" | "approve" | "reject">;
}
