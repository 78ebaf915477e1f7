import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DEMO_CREDENTIALS,
  DEMO_USER,
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from "@pcx/sandbox";
import { type CliEntry, type CliRun, type RunCliOptions, runCli, tempDir } from "./run-cli.js";

/** The CLI's environment variables, all blank: a run starts from none of them. */
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

/** Options of one `world.run`: env entries are added to the world's. */
export type WorldRunOptions = Partial<Pick<RunCliOptions, "cwd" | "env" | "stdin" | "realWaits">>;

/** A sandbox, a config directory and a working directory, and pcx wired to them. */
export interface CliWorld {
  sandbox: RunningSandbox;
  configDir: string;
  workDir: string;
  /** The env of every run: the sandbox profile at this sandbox, this config dir. */
  env: NodeJS.ProcessEnv;
  /** Runs pcx in process in the working directory (see `runCli`). */
  run(args: readonly string[], options?: WorldRunOptions): Promise<CliRun>;
  /** Every run so far, for checks over all output (no secrets). */
  readonly transcript: readonly (CliRun & { args: readonly string[] })[];
  /** The saved config file, parsed ({} before pcx wrote one). */
  config(): {
    defaultProfile?: string;
    // biome-ignore lint/suspicious/noExplicitAny: the saved config file, read back by assertions
    profiles?: Record<string, Record<string, any>>;
  };
  /** The sandbox's reviewer decides the latest version (POST /sandbox/integrations/{id}/review). */
  review(id: number, decision?: "approve" | "request-changes", comment?: string): Promise<void>;
  /** The demo user activates the integration in these environments, approved at once. */
  activate(id: number, companyIds: number[]): void;
  close(): Promise<void>;
}

/**
 * A sandbox in this process (on a free port) and pcx run in process against
 * it with the `sandbox` profile: the CLI's integration tests, without a child
 * process per command.
 */
export async function createCliWorld(
  entry: CliEntry,
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
  const transcript: (CliRun & { args: readonly string[] })[] = [];
  return {
    sandbox,
    configDir: config.dir,
    workDir: work.dir,
    env,
    transcript,
    async run(args, runOptions = {}) {
      const result = await runCli(entry, args, {
        ...runOptions,
        cwd: runOptions.cwd ?? work.dir,
        env: { ...env, ...runOptions.env },
      });
      transcript.push({ ...result, args });
      return result;
    },
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
      if (!response.ok) {
        throw new Error(`review failed: ${response.status} ${await response.text()}`);
      }
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
