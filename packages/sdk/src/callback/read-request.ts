import type { ActivationRequest } from "../contract/index.js";
import { apiRefusalOf } from "../decisions/index.js";
import { isPcxError, PcxError, type PcxErrorDetails } from "../errors/index.js";

/** The details of a refusal read from a successful GET of the request (the API said 200). */
function readDetails(request: ActivationRequest) {
  return {
    operationId: "getActivationRequest",
    method: "GET",
    path: `/activation-requests/${request.id}`,
    attempts: 1,
    status: 200,
    activationRequestId: request.id,
  };
}

import type { ResolvedCallbackOptions } from "./resolve-callback-options.js";

/** Reads the request over the authenticated API: the trust in a callback comes from here. */
export async function readRequest(
  h: ResolvedCallbackOptions,
  requestId: number,
): Promise<ActivationRequest> {
  let request: ActivationRequest;
  try {
    request = await h.client.activationRequests.get(requestId);
  } catch (error) {
    if (apiRefusalOf(error) !== "not_found" || !isPcxError(error)) throw error;
    if (error.code === "pcx_request_not_found") throw error;
    throw new PcxError(
      "pcx_request_not_found",
      `Activation request ${requestId} was not found for this API client`,
      { cause: error, details: error.details as PcxErrorDetails<"pcx_request_not_found"> },
    );
  }
  if (request.id !== requestId) {
    // The store records the request under the id the API answered; never let the two differ.
    throw new PcxError(
      "pcx_invalid_response",
      `The API answered activation request ${request.id} when asked for ${requestId}`,
      {
        details: {
          ...readDetails(request),
          path: `/activation-requests/${requestId}`,
          field: "id",
        },
      },
    );
  }
  if (request.integrationId !== h.integrationId) {
    throw new PcxError(
      "pcx_wrong_integration",
      `Activation request ${requestId} is for integration ${request.integrationId}; this handler answers integration ${h.integrationId}`,
      {
        details: { activationRequestId: requestId, integrationId: request.integrationId },
        hint: "Mount one handler per integration, each with its own integrationId.",
      },
    );
  }
  return request;
}

/** Refuses a request that has expired (by its status or by the clock). */
export function checkNotExpired(h: ResolvedCallbackOptions, request: ActivationRequest): void {
  if (request.status === "EXPIRED" || Date.parse(request.expiresAt) <= h.now().getTime()) {
    throw new PcxError(
      "pcx_request_expired",
      `Activation request ${request.id} expired at ${request.expiresAt}`,
      { details: { ...readDetails(request), expiresAt: request.expiresAt } },
    );
  }
}

/** Refuses a request with nothing left to decide. */
export function checkPending(request: ActivationRequest): void {
  if (
    request.status === "COMPLETED" ||
    !request.environments.some((env) => env.status === "PENDING")
  ) {
    throw new PcxError(
      "pcx_already_decided",
      `Activation request ${request.id} was already decided: ${request.environments
        .map((env) => `${env.companyId} ${env.status}`)
        .join(", ")}`,
      { details: readDetails(request) },
    );
  }
}
