import type { PcxErrorDetailsMap } from "./error-details.js";

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

/** One of `ERROR_CODES`. */
export type PcxErrorCode = (typeof ERROR_CODES)[number];

/**
 * The `details` shape of error code `C` (see `PcxErrorDetailsMap`). For a
 * PcxError of no particular code it is the union of all shapes; narrow with
 * `isPcxError(error, code)` (or on `error.code`) to get one.
 */
export type PcxErrorDetails<C extends PcxErrorCode = PcxErrorCode> = PcxErrorDetailsMap[C];

/** The options of `new PcxError(code, message, options)`. */
export interface PcxErrorOptions<C extends PcxErrorCode = PcxErrorCode> {
  /** The underlying error, kept for debugging. Default: none. */
  cause?: unknown;
  /** Structured details safe to print (never secrets), typed per code. Default: none. */
  details?: PcxErrorDetails<C>;
  /** A sentence telling the user how to fix it. Default: none. */
  hint?: string;
}

/**
 * The one error base class of pcx. Every error the SDK throws is a PcxError
 * with a stable `code` and `details` typed by that code (`PcxErrorDetailsMap`);
 * `httpStatusFor` maps codes to HTTP statuses.
 */
export class PcxError<C extends PcxErrorCode = PcxErrorCode> extends Error {
  readonly code: C;
  readonly details: PcxErrorDetails<C> | undefined;
  readonly hint: string | undefined;

  constructor(code: C, message: string, options: PcxErrorOptions<NoInfer<C>> = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PcxError";
    this.code = code;
    this.details = options.details;
    this.hint = options.hint;
  }

  /** A JSON-safe view for `--json` output and logs. */
  toJSON(): {
    code: C;
    message: string;
    hint?: string;
    details?: PcxErrorDetails<C>;
  } {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/**
 * A PcxError of any code, as a union over the codes: after
 * `error.code === "pcx_timeout"`, `error.details` is `TimeoutDetails`.
 */
export type AnyPcxError = { [C in PcxErrorCode]: PcxError<C> }[PcxErrorCode];

/**
 * True when `error` is a PcxError (also across duplicated copies of the SDK),
 * and, given `code`, one with that code.
 */
export function isPcxError(error: unknown): error is AnyPcxError;
export function isPcxError<C extends PcxErrorCode>(error: unknown, code: C): error is PcxError<C>;
export function isPcxError(error: unknown, code?: PcxErrorCode): boolean {
  const isOne =
    error instanceof PcxError ||
    (typeof error === "object" &&
      error !== null &&
      typeof (error as { code?: unknown }).code === "string" &&
      (ERROR_CODES as readonly string[]).includes((error as { code: string }).code));
  return isOne && (code === undefined || (error as { code: string }).code === code);
}
