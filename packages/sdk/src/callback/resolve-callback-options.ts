import type { DecisionResult } from "../decisions/index.js";
import { PcxError } from "../errors/index.js";
import { MIN_SECRET_BYTES } from "../links/index.js";
import { usableStateSecrets } from "../links/usable-state-secrets.js";
import { createMemoryStore } from "../store/index.js";
import { randomInstanceId } from "../store/random-instance-id.js";
import type { CallbackHandlerOptions, CallbackLogger } from "./callback-options.js";
import { checkDecidingOptions } from "./check-deciding-options.js";
import type { CheckStateOptions } from "./check-state.js";

export type ResolvedCallbackOptions = Omit<
  CallbackHandlerOptions,
  "store" | "requireState" | "appName" | "decidedBy" | "now" | "logger"
> &
  Required<
    Pick<CallbackHandlerOptions, "store" | "requireState" | "appName" | "decidedBy" | "now">
  > & {
    logger: CallbackLogger | undefined;
    /** What `checkState` needs, built once. */
    stateSecretsOptions: CheckStateOptions;
    /**
     * Decisions being applied by this instance, by request id: a second
     * callback for the same request (a double click, a reload) waits for the
     * first instead of replaying it, so onDecided runs once.
     */
    inflight: Map<number, Promise<DecisionResult>>;
  };

function config(message: string, hint: string): PcxError {
  return new PcxError("pcx_config", `createCallbackHandler: ${message}`, { hint });
}

/** Checks the options once, at creation (fails closed, naming the option), and fills in the defaults. */
export function resolveCallbackOptions(options: CallbackHandlerOptions): ResolvedCallbackOptions {
  if (typeof options?.client?.activationRequests?.get !== "function") {
    throw config(
      "`client` is missing or is not a Procountor client",
      "Pass `client: createClient({ credentials, baseUrl })`.",
    );
  }
  checkDecidingOptions(options, config);
  if (!usableStateSecrets(options.stateSecrets)) {
    throw config(
      `\`stateSecrets\` needs at least one secret, each of at least ${MIN_SECRET_BYTES} bytes`,
      "Pass the secret(s) your links are signed with, by key id: `{ k2025: process.env.PCX_STATE_SECRET }`.",
    );
  }
  const now = options.now ?? (() => new Date());
  return {
    ...options,
    store: options.store ?? createMemoryStore(),
    requireState: options.requireState ?? true,
    appName: options.appName ?? "the integration",
    decidedBy: options.decidedBy ?? randomInstanceId("callback"),
    now,
    logger: options.logger,
    stateSecretsOptions: {
      secrets: options.stateSecrets,
      integrationId: options.integrationId,
      now,
    },
    inflight: new Map(),
  };
}
