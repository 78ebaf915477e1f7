/**
 * Stable error codes. Code strings never change once released: scripts and
 * backends match on them. Add new codes at the end of their group.
 */
export const ERROR_CODES = [
  // input and configuration (CLI exit 2 or 4)
  "pcx_usage",
  "pcx_invalid_definition",
  "pcx_definition_not_found",
  "pcx_missing_credentials",
  "pcx_config",
  // links and state
  "pcx_invalid_state",
  "pcx_state_expired",
  "pcx_state_replayed",
  "pcx_wrong_integration",
  "pcx_invalid_callback",
  // API answers (CLI exit 3)
  "pcx_api_validation",
  "pcx_unauthorized",
  "pcx_forbidden",
  "pcx_not_found",
  "pcx_conflict",
  "pcx_idempotency_conflict",
  "pcx_limit_exceeded",
  "pcx_rate_limited",
  "pcx_server_error",
  "pcx_api_error",
  "pcx_invalid_response",
  "pcx_already_decided",
  "pcx_request_expired",
  "pcx_request_not_found",
  // transport (CLI exit 3)
  "pcx_network",
  "pcx_timeout",
  "pcx_retries_exhausted",
  // the integrator's own store and keyring
  "pcx_store",
  "pcx_store_version",
  "pcx_keyring",
  // the thing checked is not OK (CLI exit 1)
  "pcx_check_failed",
  // a bug in pcx itself
  "pcx_internal",
] as const;

export type PcxErrorCode = (typeof ERROR_CODES)[number];

export interface PcxErrorOptions {
  /** The underlying error, kept for debugging. */
  cause?: unknown;
  /** Structured details safe to print (never secrets). */
  details?: Record<string, unknown>;
  /** A sentence telling the user how to fix it. */
  hint?: string;
}

/**
 * The one error base class of pcx. Every error the SDK throws is a PcxError
 * (or a subclass) with a stable `code`; `exitCodeFor` and `httpStatusFor`
 * map codes to CLI exit codes and HTTP statuses.
 */
export class PcxError extends Error {
  readonly code: PcxErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly hint: string | undefined;

  constructor(code: PcxErrorCode, message: string, options: PcxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PcxError";
    this.code = code;
    this.details = options.details;
    this.hint = options.hint;
  }

  /** A JSON-safe view for `--json` output and logs. */
  toJSON(): {
    code: PcxErrorCode;
    message: string;
    hint?: string;
    details?: Record<string, unknown>;
  } {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** True when `error` is a PcxError, also across duplicated copies of the SDK. */
export function isPcxError(error: unknown): error is PcxError {
  return (
    error instanceof PcxError ||
    (typeof error === "object" &&
      error !== null &&
      typeof (error as { code?: unknown }).code === "string" &&
      (ERROR_CODES as readonly string[]).includes((error as { code: string }).code))
  );
}
