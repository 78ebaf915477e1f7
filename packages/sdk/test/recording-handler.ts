// Shared by the callback tests: a callback handler on a decision sandbox's
// client with the test state secret, approving everything unless told
// otherwise, that keeps every decision and every error it reports.
import { type DecisionSandbox, TEST_STATE_SECRET } from "@pcx/testkit";
import {
  type ActivationStore,
  type CallbackHandlerOptions,
  createCallbackHandler,
  type DecisionResult,
  type PcxError,
} from "../src/index.js";

export function recordingHandler(
  on: {
    w: DecisionSandbox;
    integrationId: number;
    store: ActivationStore;
    sealer: CallbackHandlerOptions["sealer"];
  },
  overrides: Partial<CallbackHandlerOptions> = {},
) {
  const decided: DecisionResult[] = [];
  const errors: PcxError[] = [];
  const options: CallbackHandlerOptions = {
    client: on.w.client,
    integrationId: on.integrationId,
    stateSecrets: { k1: TEST_STATE_SECRET },
    store: on.store,
    sealer: on.sealer,
    appName: "Acme Invoice Sync",
    onActivationRequest: (_request, ctx) => ctx.approveAll(),
    onDecided: (result) => {
      decided.push(result);
    },
    onError: (error) => {
      errors.push(error);
    },
    ...overrides,
  };
  return { handler: createCallbackHandler(options), options, decided, errors };
}
