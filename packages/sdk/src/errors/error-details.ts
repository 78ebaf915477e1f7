import type { ApiErrorItem } from "../contract/common-schemas.js";

/**
 * Details of codes whose producers vary (the CLI adds its own, e.g.
 * `{ profile, missing }`). Every details shape is open like this one: the
 * named fields are checked, and a producer may add more.
 */
export type GeneralDetails = { [key: string]: unknown };

/** What every error of an API call carries: the call, and how far it got. */
export type RequestErrorDetails = GeneralDetails & {
  /** The contract's operation, e.g. `approveActivationRequest`. */
  operationId: string;
  method: string;
  /** Path relative to the API base, without the query string. */
  path: string;
  /** Attempts made, the failing one included. */
  attempts: number;
  idempotencyKey?: string;
  /** Set when retries ran out (attempts or time). */
  retriesExhausted?: boolean;
  /** Milliseconds since the first attempt, when retries ran out. */
  elapsedMs?: number;
  /** The server's last Retry-After, in milliseconds, when retries ran out. */
  retryAfterMs?: number;
};

/** An error answer of the API. */
export type ApiAnswerDetails = RequestErrorDetails & {
  /** The HTTP status. */
  status: number;
  /** The server's request id (`x-request-id`), to quote to its support. */
  requestId?: string;
  /** The raw `Retry-After` header. */
  retryAfter?: string;
  /** The answer's `errors[]`: `{ field, message, code }` with the API's code. */
  fields?: ApiErrorItem[];
  /** The OAuth `error` of a refused token exchange, e.g. `invalid_grant`. */
  oauthError?: string;
};

/** A success answer that does not match the contract. */
export type InvalidResponseDetails = RequestErrorDetails & {
  status: number;
  /** Dot-path of the first mismatching field ("" for the whole body). */
  field: string;
};

/** No answer within the call's timeout. */
export type TimeoutDetails = RequestErrorDetails & { timeoutMs: number };

/** No answer at all: the network's reason (`ECONNREFUSED …`). */
export type NetworkDetails = RequestErrorDetails & { reason: string };

/** Input the SDK refused before sending anything. */
export type InputDetails = GeneralDetails & {
  operationId?: string;
  /** Each problem: a dot-path and what is wrong. Values are never quoted. */
  fields?: { field: string; message: string }[];
};

/**
 * The shape of `details` for each error code. `PcxError<"pcx_timeout">` has
 * `details: TimeoutDetails | undefined`; after `isPcxError(error, "pcx_timeout")`
 * (or `error.code === "pcx_timeout"` on the result of `isPcxError(error)`)
 * TypeScript knows it. Details never hold secrets.
 */
export type PcxErrorDetailsMap = {
  pcx_usage: InputDetails;
  pcx_invalid_definition: InputDetails;
  pcx_definition_not_found: GeneralDetails & { tried: readonly string[] };
  pcx_missing_credentials: GeneralDetails;
  pcx_config: GeneralDetails;
  pcx_invalid_state: GeneralDetails;
  pcx_state_expired: GeneralDetails;
  pcx_state_replayed: GeneralDetails;
  pcx_wrong_integration: GeneralDetails;
  pcx_invalid_callback: GeneralDetails;
  pcx_api_validation: ApiAnswerDetails;
  pcx_unauthorized: ApiAnswerDetails;
  pcx_forbidden: ApiAnswerDetails;
  pcx_not_found: ApiAnswerDetails;
  pcx_conflict: ApiAnswerDetails;
  pcx_idempotency_conflict: ApiAnswerDetails;
  pcx_limit_exceeded: ApiAnswerDetails;
  pcx_rate_limited: ApiAnswerDetails;
  pcx_server_error: ApiAnswerDetails;
  pcx_api_error: ApiAnswerDetails;
  pcx_invalid_response: InvalidResponseDetails;
  pcx_already_decided: ApiAnswerDetails;
  pcx_request_expired: ApiAnswerDetails;
  pcx_request_not_found: ApiAnswerDetails;
  pcx_network: NetworkDetails;
  pcx_timeout: TimeoutDetails;
  pcx_retries_exhausted: RequestErrorDetails;
  pcx_store: GeneralDetails;
  pcx_store_version: GeneralDetails;
  pcx_keyring: GeneralDetails;
  pcx_check_failed: GeneralDetails;
  pcx_internal: GeneralDetails;
};
