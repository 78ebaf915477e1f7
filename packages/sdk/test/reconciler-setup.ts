// Shared by the reconciler tests: a sandbox and a reconciler on one fake
// clock (the sandbox's expiry, the state's times and the reconciler's sweeps
// all read it; nothing sleeps for real), a memory store, the test sealer and
// a logger that keeps every event.
import {
  type DecisionSandbox,
  decisionSandbox,
  fakeTime,
  signTestState,
  TEST_STATE_SECRET,
  testSealer,
} from "@pcx/testkit";
import { afterEach } from "vitest";
import {
  type ActivationStore,
  type CallbackHandlerOptions,
  createCallbackHandler,
  createMemoryStore,
  createReconciler,
  type DecisionResult,
  type Reconciler,
  type ReconcilerEventFields,
  type ReconcilerOptions,
  type StatusChange,
} from "../src/index.js";

const open: Array<DecisionSandbox | Reconciler> = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) {
    await ("stop" in item ? item.stop() : item.close());
  }
});

export type LogLine = [
  level: "info" | "warn" | "error",
  message: string,
  fields: ReconcilerEventFields,
];

export async function reconcilerSetup(sandboxOptions: Parameters<typeof decisionSandbox>[0] = {}) {
  const time = fakeTime();
  const w = await decisionSandbox({ now: time.now, ...sandboxOptions });
  open.push(w);
  const integrationId = w.publish();
  const store: ActivationStore = createMemoryStore();
  const sealer = testSealer();
  const logs: LogLine[] = [];
  const decided: Array<{ result: DecisionResult; via: string }> = [];
  const changes: StatusChange[] = [];
  const events = (name: string) => logs.filter(([, , f]) => f.event === name).map(([, , f]) => f);
  const reconciler = (overrides: Partial<ReconcilerOptions> = {}) => {
    const created = createReconciler({
      client: w.client,
      integrationId,
      store,
      sealer,
      stateSecrets: { k1: TEST_STATE_SECRET },
      onActivationRequest: (_request, ctx) => ctx.approveAll(),
      onDecided: (result, ctx) => {
        decided.push({ result, via: ctx.via });
      },
      onStatusChange: (change) => {
        changes.push(change);
      },
      decidedBy: "reconciler-test",
      now: time.now,
      sleep: time.sleep,
      logger: {
        info: (m, f) => logs.push(["info", m, f]),
        warn: (m, f) => logs.push(["warn", m, f]),
        error: (m, f) => logs.push(["error", m, f]),
      },
      ...overrides,
    });
    open.push(created);
    return created;
  };
  /** A callback handler on the same client, store, sealer and clock, with the test state secret. */
  const callbackHandler = (
    options: Pick<CallbackHandlerOptions, "onActivationRequest"> & Partial<CallbackHandlerOptions>,
  ) =>
    createCallbackHandler({
      client: w.client,
      integrationId,
      stateSecrets: { k1: TEST_STATE_SECRET },
      store,
      sealer,
      now: time.now,
      ...options,
    });
  /** A link's state signed now (on the fake clock) for this integration. */
  const signedState = (ref = "r") => signTestState(integrationId, ref, { now: time.now });
  /** Past the callback's grace period (1 min by default). */
  const afterGrace = () => time.advance(61_000);
  return {
    time,
    w,
    integrationId,
    store,
    sealer,
    logs,
    events,
    decided,
    changes,
    reconciler,
    callbackHandler,
    signedState,
    afterGrace,
  };
}
