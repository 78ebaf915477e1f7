// @pcx/testkit/sandbox: the sandbox for tests, in process (no port, answers through its
// fetch) or on a real port. A subpath of its own: it loads the whole sandbox.

import {
  createSandbox,
  type RunningSandbox,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from "@pcx/sandbox";
import { type ClientOptions, createClient, fetchTransport, type ProcountorClient } from "@pcx/sdk";
import { onTestFinished } from "vitest";

/** What `inProcessSandbox` gives a test. */
export interface InProcessSandbox {
  readonly sandbox: Sandbox;
  /** `sandbox.fetch`: the whole sandbox as a fetch, paths such as "/sandbox/state" allowed. */
  readonly fetch: typeof fetch;
  /**
   * An SDK client against the sandbox, in process: the demo credentials, its
   * fetch as the transport, no rate limit; `overrides` replace any option.
   */
  client(overrides?: Partial<ClientOptions>): ProcountorClient;
}

/**
 * A sandbox in this process, closed when the current test finishes (call
 * it inside a test). No socket: the SDK client and raw requests go through
 * `sandbox.fetch`, so nothing waits on the network.
 */
export function inProcessSandbox(options: SandboxOptions = {}): InProcessSandbox {
  const sandbox = createSandbox(options);
  onTestFinished(() => sandbox.close());
  return {
    sandbox,
    fetch: sandbox.fetch,
    client: (overrides = {}) =>
      createClient({
        baseUrl: sandbox.apiBaseUrl,
        credentials: sandbox.credentials,
        transport: fetchTransport({ fetch: sandbox.fetch }),
        rateLimit: false,
        ...overrides,
      }),
  };
}

/**
 * A sandbox on a free port of 127.0.0.1, closed when the current test
 * finishes (call it inside a test). For what needs real HTTP: sockets,
 * browsers, child processes.
 */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ port: 0, ...options });
  onTestFinished(() => sandbox.close());
  return sandbox;
}

// The example backends' tests (examples/*/test): a sandbox with the example's
// own definition published and its backend started in process.
export {
  type ExampleBackendOptions,
  type ExampleWorld,
  exampleBackendWorld,
  type RunningExampleBackend,
} from "./example-backend-world.js";
