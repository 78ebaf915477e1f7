import { isPcxError, type PcxErrorCode } from "@pcx/sdk";
import type { ExitCode } from "./command.js";

/** The exit codes by meaning (docs/cli.md): 0 ok, 1 check failed, 2 usage, 3 API/network, 4 credentials/config. */
export const EXIT = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  api: 3,
  config: 4,
} as const satisfies Record<string, ExitCode>;

const byCode: Record<PcxErrorCode, ExitCode> = {
  pcx_usage: EXIT.usage,
  pcx_invalid_definition: EXIT.checkFailed,
  pcx_definition_not_found: EXIT.usage,
  pcx_missing_credentials: EXIT.config,
  pcx_config: EXIT.config,
  pcx_invalid_state: EXIT.checkFailed,
  pcx_state_expired: EXIT.checkFailed,
  pcx_state_replayed: EXIT.checkFailed,
  pcx_wrong_integration: EXIT.checkFailed,
  pcx_invalid_callback: EXIT.usage,
  pcx_api_validation: EXIT.api,
  pcx_unauthorized: EXIT.config,
  pcx_forbidden: EXIT.api,
  pcx_not_found: EXIT.api,
  pcx_conflict: EXIT.api,
  pcx_idempotency_conflict: EXIT.api,
  pcx_limit_exceeded: EXIT.api,
  pcx_rate_limited: EXIT.api,
  pcx_server_error: EXIT.api,
  pcx_api_error: EXIT.api,
  pcx_invalid_response: EXIT.api,
  pcx_already_decided: EXIT.api,
  pcx_request_expired: EXIT.api,
  pcx_request_not_found: EXIT.api,
  pcx_network: EXIT.api,
  pcx_timeout: EXIT.api,
  pcx_retries_exhausted: EXIT.api,
  pcx_store: EXIT.config,
  pcx_store_version: EXIT.config,
  pcx_keyring: EXIT.config,
  pcx_check_failed: EXIT.checkFailed,
  pcx_internal: EXIT.api,
};

/**
 * The exit code for any thrown value; unknown errors are treated as
 * API/runtime failures (3). The SDK knows nothing of exit codes: this table
 * is the CLI's, and a new SDK error code fails the type check here until it
 * has one.
 */
export function exitCodeFor(error: unknown): ExitCode {
  return isPcxError(error) ? byCode[error.code] : EXIT.api;
}
