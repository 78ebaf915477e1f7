import { z } from "zod";

/**
 * The error codes the API answers in `errors[].code`, as modelled by pcx.
 * `REQUIRED`, `INVALID` and `UNKNOWN_FIELD` are field errors (400); the rest
 * name a state of the resource or of the call. Procountor's published
 * resources use the same `{field, message, code}` shape; the codes of the
 * partner endpoints are modelled (docs/contract.md). Clients read
 * `errors[].code` as any string, so a code added here later does not break
 * them; the sandbox answers only these.
 */
export const API_ERROR_CODES = {
  /** A required field is missing. */
  REQUIRED: "REQUIRED",
  /** A field has a wrong type or value. */
  INVALID: "INVALID",
  /** The body holds a field the endpoint does not know; nothing was changed. */
  UNKNOWN_FIELD: "UNKNOWN_FIELD",
  /** The body is not JSON. */
  INVALID_JSON: "INVALID_JSON",
  /** The body is larger than the endpoint accepts. */
  BODY_TOO_LARGE: "BODY_TOO_LARGE",
  /** The body's Content-Type is not the one the endpoint reads (415): JSON for the API. */
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  /** The request is not HTTP the server can read: its request line, Host or a header (400). */
  BAD_REQUEST: "BAD_REQUEST",
  /** The request's headers are larger than the server reads (431). */
  HEADERS_TOO_LARGE: "HEADERS_TOO_LARGE",
  /** The request did not arrive in time (408). */
  REQUEST_TIMEOUT: "REQUEST_TIMEOUT",
  /** No or a bad access token, or bad client credentials. */
  UNAUTHORIZED: "UNAUTHORIZED",
  /** The access token has expired; fetch a new one. */
  TOKEN_EXPIRED: "TOKEN_EXPIRED",
  /** The token is valid but may not make this call. */
  FORBIDDEN: "FORBIDDEN",
  /** The resource does not exist or belongs to another integrator. */
  NOT_FOUND: "NOT_FOUND",
  /** The path exists under another HTTP method. */
  METHOD_NOT_ALLOWED: "METHOD_NOT_ALLOWED",
  /** The same Idempotency-Key was sent with another body. */
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  /** More environments than the integration's concurrent-activation limit. */
  LIMIT_EXCEEDED: "LIMIT_EXCEEDED",
  /** An environment of the activation request is already approved or rejected. */
  ALREADY_DECIDED: "ALREADY_DECIDED",
  /** The activation request timed out before it was decided. */
  REQUEST_EXPIRED: "REQUEST_EXPIRED",
  /** The integration is already active in the environment. */
  ALREADY_ACTIVE: "ALREADY_ACTIVE",
  /** The integration is no longer active in the environment. */
  NOT_ACTIVE: "NOT_ACTIVE",
  /** The integration was already removed from the environment. */
  ALREADY_REMOVED: "ALREADY_REMOVED",
  /** No version of the integration is approved yet. */
  NOT_PUBLISHED: "NOT_PUBLISHED",
  /** The definition version is not in review. */
  NOT_IN_REVIEW: "NOT_IN_REVIEW",
  /** A newer definition version exists. */
  NOT_LATEST_VERSION: "NOT_LATEST_VERSION",
  /** The environment cannot take part in this activation. */
  NOT_SELECTABLE: "NOT_SELECTABLE",
  /** No environment waits for an update. */
  NOTHING_TO_UPDATE: "NOTHING_TO_UPDATE",
  /** Too many calls; wait for Retry-After. */
  RATE_LIMITED: "RATE_LIMITED",
  /** The service is down for a while; retry later. */
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  /** A fault on the server's side. */
  INTERNAL_ERROR: "INTERNAL_ERROR",
} as const;

/** One of `API_ERROR_CODES`. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[keyof typeof API_ERROR_CODES];

/** Accepts exactly the codes of `API_ERROR_CODES`. */
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);
