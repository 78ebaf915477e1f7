import type { PcxError } from "../errors/index.js";
import { describeValue } from "../text/describe-value.js";
import type { CallbackHandlerOptions } from "./callback-options.js";

/** What the callback handler and the reconciler both decide activation requests with. */
export type DecidingOptions = Pick<
  CallbackHandlerOptions,
  "integrationId" | "onActivationRequest" | "sealer"
>;

/**
 * Checks the options the callback handler and the reconciler share, once at
 * creation: the integration id, the `onActivationRequest` hook and the sealer
 * (or `false`). `config` builds the caller's pcx_config error from a message
 * naming the option and a hint.
 */
export function checkDecidingOptions(
  options: DecidingOptions,
  config: (message: string, hint: string) => PcxError,
): void {
  if (!Number.isSafeInteger(options.integrationId) || options.integrationId <= 0) {
    throw config(
      `\`integrationId\` must be a positive integer, not ${describeValue(options.integrationId)}`,
      "Use the id `pcx define` printed (`pcx status` shows it).",
    );
  }
  if (typeof options.onActivationRequest !== "function") {
    throw config(
      "`onActivationRequest` is required",
      "Pass the hook that decides each request, the same for the callback handler and the reconciler: `(request, ctx) => ctx.approveAll()`.",
    );
  }
  if (options.sealer !== false && typeof options.sealer?.seal !== "function") {
    throw config(
      "`sealer` is required: an approval hands over each technical user's API key once",
      "Pass the keyring (`sealer: createKeyring(…)`) so the keys are stored sealed, or `sealer: false` to keep them yourself from onDecided's result.credentials.",
    );
  }
}
