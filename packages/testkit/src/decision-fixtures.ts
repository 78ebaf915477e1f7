// Shared by the decision, callback and (later) reconciler tests: a real
// sandbox with the demo integrator's client, a published Acme integration,
// requests started as the demo customer, and a visible test sealer.

import { DEMO_USER, type RunningSandbox, type SandboxOptions, startSandbox } from "@pcx/sandbox";
import {
  type ClientOptions,
  createClient,
  type ProcountorClient,
  type SecretSealer,
  signState,
} from "@pcx/sdk";
import type { ActivationRequest, WireDefinition } from "@pcx/sdk/contract";
import { acmeWire } from "./acme-fixture.js";

/** A state secret for tests (32+ bytes). */
export const TEST_STATE_SECRET = "callback-test-state-secret-0123456789abcdef";

/**
 * A reversible sealer for tests: "sealed:" + base64 of the reversed text, so
 * a test can see that a key was sealed (the plaintext does not appear) and
 * open it again. Records every sealed plaintext's length, never the text.
 */
export function testSealer(): SecretSealer & { count: () => number } {
  let sealed = 0;
  return {
    count: () => sealed,
    async seal(plaintext) {
      sealed++;
      return `sealed:${Buffer.from([...plaintext].reverse().join("")).toString("base64")}`;
    },
    async open(value) {
      if (!value.startsWith("sealed:")) throw new Error("not sealed by testSealer");
      return [...Buffer.from(value.slice(7), "base64").toString()].reverse().join("");
    },
  };
}

export interface DecisionSandbox {
  sandbox: RunningSandbox;
  /** The demo integrator's client (rate limit off, one attempt per call unless overridden). */
  client: ProcountorClient;
  /** Creates and approves an Acme integration (overrides such as `callbackUrl`); returns its id. */
  publish(overrides?: Partial<WireDefinition>): number;
  /** Starts an activation as the demo customer (Maija) in `companyIds`, optionally with a link `state`. */
  start(integrationId: number, companyIds: number[], state?: string | null): ActivationRequest;
  /**
   * Procountor's redirect to the callback of a request, as the Web Request
   * the integrator's backend receives (at http://acme.test).
   */
  callback(requestId: number): Request;
  /** The sandbox's audit rows "environment.decided" of one request. */
  decided(
    requestId: number,
  ): Array<{ companyId: number | null; decision: unknown; reason: unknown }>;
  close(): Promise<void>;
}

/** A sandbox on a free port with the demo integrator's client; close it after the test. */
export async function decisionSandbox(
  options: SandboxOptions = {},
  clientOptions: Partial<ClientOptions> = {},
): Promise<DecisionSandbox> {
  const sandbox = await startSandbox({ port: 0, ...options });
  const client = createClient({
    baseUrl: sandbox.apiBaseUrl,
    credentials: sandbox.credentials,
    rateLimit: false,
    ...(options.now ? { now: options.now } : {}),
    ...clientOptions,
  });
  return {
    sandbox,
    client,
    publish(overrides = {}) {
      const { id } = sandbox.engine.createIntegration(sandbox.credentials.clientId, {
        ...acmeWire(),
        ...overrides,
      });
      sandbox.engine.reviewIntegration(id, "approve");
      return id;
    },
    start(integrationId, companyIds, state = null) {
      return sandbox.engine.startActivation({
        userId: DEMO_USER.id,
        integrationId,
        companyIds,
        state,
      }).request;
    },
    callback(requestId) {
      const url = sandbox.engine.callbackUrlFor(requestId);
      return new Request(url.replace(/^https:\/\/[^/]+/, "http://acme.test"));
    },
    decided(requestId) {
      return sandbox.engine
        .dumpState()
        .audit.filter((row) => row.kind === "environment.decided" && row.requestId === requestId)
        .map((row) => ({
          companyId: row.companyId,
          decision: row.detail?.decision,
          reason: row.detail?.reason,
        }));
    },
    async close() {
      await client.close();
      await sandbox.close();
    },
  };
}

/**
 * A state for the activation link of integration `integrationId`, signed
 * with TEST_STATE_SECRET under key id "k1" (each with its own nonce). The
 * one place tests sign callback states.
 */
export function signTestState(
  integrationId: number,
  ref = "acme-customer-42",
  options: { now?: () => Date; expiresIn?: string | number } = {},
): Promise<string> {
  return signState({ ref }, { secret: TEST_STATE_SECRET, keyId: "k1", integrationId, ...options });
}
