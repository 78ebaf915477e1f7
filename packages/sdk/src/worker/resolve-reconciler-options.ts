import { checkDecidingOptions } from "../callback/check-deciding-options.js";
import { defaultSleep } from "../client/client-options.js";
import { PcxError } from "../errors/index.js";
import { MIN_SECRET_BYTES } from "../links/index.js";
import { usableStateSecrets } from "../links/usable-state-secrets.js";
import { randomInstanceId } from "../store/random-instance-id.js";
import { describeValue } from "../text/describe-value.js";
import type { ReconcilerOptions } from "./reconciler-options.js";

type Defaulted =
  | "requireState"
  | "intervalMs"
  | "callbackGraceMs"
  | "lastCallBeforeExpiryMs"
  | "concurrency"
  | "leaseMs"
  | "pageSize"
  | "maxRequestsPerSweep"
  | "syncActivations"
  | "decidedBy"
  | "now"
  | "sleep";

export type ResolvedReconcilerOptions = Omit<ReconcilerOptions, Defaulted> &
  Required<Pick<ReconcilerOptions, Defaulted>>;

function config(message: string, hint: string): PcxError {
  return new PcxError("pcx_config", `createReconciler: ${message}`, { hint });
}

function whole(
  options: ReconcilerOptions,
  name: keyof ReconcilerOptions,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const value = options[name] ?? fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw config(
      `\`${name}\` must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ""}, not ${describeValue(value)}`,
      `Leave it out for the default (${fallback}).`,
    );
  }
  return value;
}

/** Checks the options once, at creation (fails closed, naming the option), and fills in the defaults. */
export function resolveReconcilerOptions(options: ReconcilerOptions): ResolvedReconcilerOptions {
  const client = options?.client;
  if (
    typeof client?.activationRequests?.list !== "function" ||
    typeof client?.activations?.list !== "function"
  ) {
    throw config(
      "`client` is missing or is not a Procountor client",
      "Pass `client: createClient({ credentials, baseUrl })`.",
    );
  }
  checkDecidingOptions(options, config);
  if (typeof options.store?.acquireLease !== "function") {
    throw config(
      "`store` is required: the reconciler shares decisions, nonces and leases with the callback through it",
      "Pass the callback handler's store (e.g. `await openStore({ url })` from @pcx/store-sql).",
    );
  }
  const requireState = options.requireState ?? true;
  if (options.stateSecrets !== undefined || requireState) {
    if (!usableStateSecrets(options.stateSecrets)) {
      throw config(
        `\`stateSecrets\` needs at least one secret, each of at least ${MIN_SECRET_BYTES} bytes (required while requireState is on)`,
        "Pass the secrets your links are signed with, as for the callback handler: `{ k1: process.env.PCX_STATE_SECRET }`.",
      );
    }
  }
  const intervalMs = whole(options, "intervalMs", 30_000, 1);
  const leaseMs = whole(options, "leaseMs", Math.max(120_000, intervalMs), intervalMs);
  const lastCallBeforeExpiryMs = whole(
    options,
    "lastCallBeforeExpiryMs",
    Math.max(180_000, 2 * intervalMs),
    2 * intervalMs,
  );
  return {
    ...options,
    requireState,
    intervalMs,
    callbackGraceMs: whole(options, "callbackGraceMs", 60_000, 0),
    lastCallBeforeExpiryMs,
    concurrency: whole(options, "concurrency", 4, 1, 64),
    leaseMs,
    pageSize: whole(options, "pageSize", 100, 1, 200),
    maxRequestsPerSweep: whole(options, "maxRequestsPerSweep", 1000, 1),
    syncActivations: options.syncActivations ?? true,
    decidedBy: options.decidedBy ?? randomInstanceId("reconciler"),
    now: options.now ?? (() => new Date()),
    sleep: options.sleep ?? defaultSleep,
  };
}
