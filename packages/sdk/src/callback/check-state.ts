// The one place the callback verifies a state: `verifyState` (state v2),
// bound to the handler's integration.
import { type StateSecret, type VerifyStateResult, verifyState } from "../links/index.js";

export type CheckedState = VerifyStateResult;

export interface CheckStateOptions {
  secrets: Record<string, StateSecret> | ReadonlyArray<{ keyId: string; secret: StateSecret }>;
  integrationId: number;
  now: () => Date;
}

/** Verifies a state; throws `pcx_config` only on misconfigured secrets. */
export function checkState(token: string, options: CheckStateOptions): Promise<CheckedState> {
  return verifyState(token, options);
}
