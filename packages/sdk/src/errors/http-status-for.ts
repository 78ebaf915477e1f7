import { isPcxError, type PcxErrorCode } from "./pcx-error.js";

const byCode: Partial<Record<PcxErrorCode, number>> = {
  pcx_usage: 400,
  pcx_invalid_definition: 400,
  pcx_api_validation: 400,
  pcx_invalid_state: 400,
  pcx_state_expired: 400,
  pcx_state_replayed: 409,
  pcx_wrong_integration: 403,
  pcx_invalid_callback: 400,
  pcx_unauthorized: 401,
  pcx_missing_credentials: 401,
  pcx_forbidden: 403,
  pcx_not_found: 404,
  pcx_definition_not_found: 404,
  pcx_conflict: 409,
  pcx_idempotency_conflict: 409,
  pcx_already_decided: 409,
  pcx_request_expired: 410,
  pcx_request_not_found: 404,
  pcx_limit_exceeded: 422,
  pcx_rate_limited: 429,
  pcx_network: 502,
  pcx_server_error: 502,
  pcx_invalid_response: 502,
  pcx_retries_exhausted: 503,
  pcx_timeout: 504,
};

/** The HTTP status a server (callback handler, sandbox) answers for an error; 500 when unknown. */
export function httpStatusFor(error: unknown): number {
  return isPcxError(error) ? (byCode[error.code] ?? 500) : 500;
}
