import type { StateFailureReason } from "./verify-state.js";

/** The `PcxError` code a refused state maps to, wherever pcx verifies one (callback, reconciler). */
export type StateRefusalCode = "pcx_state_expired" | "pcx_wrong_integration" | "pcx_invalid_state";

/** Maps why `verifyState` refused a state to its error code: expired and other-integration apart, the rest invalid. */
export function stateRefusalCode(reason: StateFailureReason): StateRefusalCode {
  if (reason === "expired") return "pcx_state_expired";
  if (reason === "wrong_integration") return "pcx_wrong_integration";
  return "pcx_invalid_state";
}
