export {
  type ActivationLinkOptions,
  createActivationLink,
} from "./create-activation-link.js";
export { parseDuration } from "./parse-duration.js";
export { type SignStateOptions, signState } from "./sign-state.js";
export {
  KEY_ID_PATTERN,
  MAX_CLOCK_TOLERANCE_SEC,
  MAX_STATE_LIFETIME_SEC,
  MIN_SECRET_BYTES,
  type StatePayload,
  type StateSecret,
} from "./state-format.js";
export {
  type StateFailureReason,
  type VerifyStateOptions,
  type VerifyStateResult,
  verifyState,
} from "./verify-state.js";
