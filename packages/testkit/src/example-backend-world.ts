// What the example backends' tests (examples/*/test) share: a real sandbox,
// the example's own definition published with the backend's callback URL,
// the backend started in process on a free port (SQLite file, keyring), and
// the demo customer who walks the activation link's pages.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningSandbox, type SandboxOptions, startSandbox } from "@pcx/sandbox";
import {
  type CallbackHandler,
  type CallbackLogger,
  type ClientOptions,
  type DecisionResult,
  generateKeyringKey,
  type KeyringKey,
  loadDefinition,
  signState,
} from "@pcx/sdk";
import type { WireDefinition } from "@pcx/sdk/contract";
import { type CustomerAgent, customerAgent } from "./customer-agent.js";
import { TEST_STATE_SECRET } from "./decision-fixtures.js";

/** What an example's `startBackend(options)` takes (examples/sandbox-setup's BackendOptions). */
export interface ExampleBackendOptions {
  api: ClientOptions;
  integrationId: number;
  stateSecrets: Record<string, string>;
  keyringKeys: KeyringKey[];
  storeFile: string;
  port?: number;
  host?: string;
  logger?: CallbackLogger;
  onDecided?: (result: DecisionResult) => void;
}

/** What an example's `startBackend` resolves to. */
export interface RunningExampleBackend {
  url: string;
  callbackUrl: string;
  handler: CallbackHandler;
  close(): Promise<void>;
}

export interface ExampleWorld {
  sandbox: RunningSandbox;
  backend: RunningExampleBackend;
  integrationId: number;
  /** The demo customer (Maija), signed in. */
  customer: CustomerAgent;
  /** Every decision the backend reported through `onDecided`. */
  decided: DecisionResult[];
  /** Every failure the backend logged (warn and error). */
  logged: string[];
  /** The options the backend was started with (its store file and keyring key among them). */
  options: ExampleBackendOptions;
  /**
   * Walks the activation link (with a fresh signed state) for `companyIds`
   * and returns the request's id and its hand-off URL from the status page.
   */
  activate(companyIds: number[]): Promise<{ requestId: number; callbackUrl: string }>;
  close(): Promise<void>;
}

/**
 * Starts a sandbox and the example backend `start` for the definition in
 * `definitionFile`: the definition is published (with a placeholder callback
 * URL, since the integration id is needed before the backend listens), the
 * backend starts on a free port, and a second version with its real callback
 * URL is published and approved. Close the world after the test.
 */
export async function exampleBackendWorld(
  start: (options: ExampleBackendOptions) => Promise<RunningExampleBackend>,
  definitionFile: URL,
  sandboxOptions: SandboxOptions = {},
): Promise<ExampleWorld> {
  const loaded = await loadDefinition(fileURLToPath(definitionFile));
  if (!loaded.value) throw new Error(`${loaded.file}: ${JSON.stringify(loaded.errors)}`);
  const { $schema: _editorOnly, ...definition } = loaded.value;
  const wire = (callbackUrl: string): WireDefinition => ({ ...definition, callbackUrl });
  const sandbox = await startSandbox({ port: 0, ...sandboxOptions });
  const dir = await mkdtemp(join(tmpdir(), "pcx-example-test-"));
  const clientId = sandbox.credentials.clientId;
  const { id: integrationId } = sandbox.engine.createIntegration(
    clientId,
    wire("http://127.0.0.1:9/procountor/callback"),
  );
  sandbox.engine.reviewIntegration(integrationId, "approve");
  const decided: DecisionResult[] = [];
  const logged: string[] = [];
  const options: ExampleBackendOptions = {
    api: { baseUrl: sandbox.apiBaseUrl, credentials: sandbox.credentials, rateLimit: false },
    integrationId,
    stateSecrets: { k1: TEST_STATE_SECRET },
    keyringKeys: [{ id: "test", key: generateKeyringKey() }],
    storeFile: join(dir, "activations.db"),
    port: 0,
    logger: {
      warn: (message, fields) => logged.push(`warn: ${message} ${JSON.stringify(fields ?? {})}`),
      error: (message, fields) => logged.push(`error: ${message} ${JSON.stringify(fields ?? {})}`),
    },
    onDecided: (result) => decided.push(result),
  };
  let backend: RunningExampleBackend;
  try {
    backend = await start(options);
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  sandbox.engine.updateIntegration(clientId, integrationId, wire(backend.callbackUrl));
  sandbox.engine.reviewIntegration(integrationId, "approve");
  const customer = customerAgent(sandbox.url);
  await customer.signIn();
  return {
    sandbox,
    backend,
    integrationId,
    customer,
    decided,
    logged,
    options,
    async activate(companyIds) {
      const state = await signState(
        { ref: "acme-customer-42" },
        { secret: TEST_STATE_SECRET, keyId: "k1", integrationId },
      );
      const requestId = await customer.activate(integrationId, companyIds, state);
      return { requestId, callbackUrl: await customer.callbackHref(requestId) };
    },
    async close() {
      await backend.close();
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
