import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DEMO_CREDENTIALS,
  DEMO_USER,
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from "@pcx/sandbox";
import { BIN, type PcxRun, tempDir } from "./run-pcx.js";

/**
 * CLI integration tests against the real sandbox: the sandbox runs in the
 * test process (so tests can look at its engine), the built bin runs as a
 * child process. `spawnSync` would block the sandbox's event loop, hence the
 * asynchronous runner here.
 */

/** Every run's output, for the no-secret checks. */
export const transcript: { args: string[]; stdout: string; stderr: string }[] = [];

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed. Default: stdin closed at once. */
  input?: string;
  timeoutMs?: number;
}

/** Runs `node dist/pcx.js …args` with pipes (no TTY: non-interactive), without blocking. */
export function pcxAsync(args: string[], options: RunOptions = {}): Promise<PcxRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", CI: "", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`pcx ${args.join(" ")} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      transcript.push({ args, stdout, stderr });
      resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) });
    });
    child.stdin.end(options.input ?? "");
  });
}

/** A sandbox on a free port, a config dir and a working dir, and a runner wired to them. */
export interface CliWorld {
  sandbox: RunningSandbox;
  configDir: string;
  workDir: string;
  /** Env pointing pcx at the sandbox with the `sandbox` profile and the temp config dir. */
  env: NodeJS.ProcessEnv;
  run(args: string[], options?: RunOptions): Promise<PcxRun>;
  /** The saved config file, parsed. */
  config(): {
    defaultProfile?: string;
    // biome-ignore lint/suspicious/noExplicitAny: the saved config file, read back by assertions
    profiles?: Record<string, Record<string, any>>;
  };
  /** The sandbox's reviewer approves (or sends back) the latest version: POST /sandbox/integrations/{id}/review. */
  review(id: number, decision?: "approve" | "request-changes", comment?: string): Promise<void>;
  /** Activates the integration in these environments for the demo user (approved by the integrator). */
  activate(id: number, companyIds: number[]): void;
  close(): Promise<void>;
}

/** PCX_* variables of the developer's shell must not leak into tests. */
export const CLEAN_PCX_ENV: NodeJS.ProcessEnv = {
  PCX_PROFILE: "",
  PCX_BASE_URL: "",
  PCX_CLIENT_ID: "",
  PCX_CLIENT_SECRET: "",
  PCX_API_KEY: "",
  PCX_INTEGRATION_ID: "",
  PCX_STATE_SECRET: "",
  PCX_STATE_KEY_ID: "",
};

export async function createWorld(
  options: SandboxOptions = {},
  files: Record<string, string> = {},
): Promise<CliWorld> {
  const sandbox = await startSandbox({ port: 0, ...options });
  const config = tempDir();
  const work = tempDir(files);
  const env = {
    ...CLEAN_PCX_ENV,
    PCX_CONFIG_DIR: config.dir,
    PCX_PROFILE: "sandbox",
    PCX_BASE_URL: sandbox.apiBaseUrl,
  };
  return {
    sandbox,
    configDir: config.dir,
    workDir: work.dir,
    env,
    run: (args, runOptions = {}) =>
      pcxAsync(args, {
        cwd: work.dir,
        ...runOptions,
        env: { ...env, ...runOptions.env },
      }),
    config: () => {
      const file = join(config.dir, "config.json");
      return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
    },
    async review(id, decision = "approve", comment) {
      const response = await fetch(`${sandbox.url}/sandbox/integrations/${id}/review`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ decision, ...(comment ? { comment } : {}) }),
      });
      if (!response.ok)
        throw new Error(`review failed: ${response.status} ${await response.text()}`);
    },
    activate(id, companyIds) {
      const { request } = sandbox.engine.startActivation({
        userId: DEMO_USER.id,
        integrationId: id,
        companyIds,
        state: null,
      });
      sandbox.engine.approveActivationRequest(DEMO_CREDENTIALS.clientId, request.id, {});
    },
    async close() {
      await sandbox.close();
      config.cleanup();
      work.cleanup();
    },
  };
}
