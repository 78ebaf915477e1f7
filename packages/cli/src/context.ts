import type { ClientOptions } from "@pcx/sdk";
import { envFlag, readEnv } from "./env-vars.js";
import { createOutput, type Output } from "./io/output.js";

/** How the API client waits, tells time and sends: the bin uses the defaults, tests may inject. */
export type ClientSeam = Pick<ClientOptions, "sleep" | "now" | "transport">;

/**
 * The process pieces a run touches. The bin passes `process`'s; the test
 * harness (`runCli` in @pcx/testkit) passes captured streams, its own env and
 * working directory, so commands run in process exactly as they do in the bin.
 */
export interface Runtime {
  /** The user's arguments (without `node` and the script). */
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Overrides for the API client (tests: no real waits between retries). Default: none. */
  client?: ClientSeam;
}

/** Global flags, as commander parses them (docs/cli.md "Global flags"). */
export interface GlobalOptions {
  json?: boolean;
  profile?: string;
  baseUrl?: string;
  /** `false` after `--no-color`. */
  color?: boolean;
  yes?: boolean;
  verbose?: boolean;
}

/**
 * What every command receives besides its own input. Profiles, base URL and
 * credentials are only parsed here; resolving them against saved profiles is
 * the job of the `login`/config task.
 */
export interface CliContext {
  /** `--json`: one JSON document on stdout, nothing else there. */
  json: boolean;
  /** `--profile`, else `PCX_PROFILE`; undefined means the saved default. */
  profile: string | undefined;
  /** `--base-url`, else `PCX_BASE_URL`; undefined means the profile's. */
  baseUrl: string | undefined;
  /** `--yes`: answer confirmations with yes. */
  yes: boolean;
  /** `--verbose`: trace HTTP (secrets redacted) and show stacks of unexpected errors. */
  verbose: boolean;
  /** True when pcx may ask: stdin and stdout are TTYs and CI is not set. */
  interactive: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where `--client-secret-stdin` and the like read from. */
  stdin: Runtime["stdin"];
  out: Output;
  /** The runtime's overrides for the API client; undefined in the bin. */
  client: ClientSeam | undefined;
}

const nonEmpty = (value: string | undefined) =>
  value !== undefined && value !== "" ? value : undefined;

export function isInteractive(
  runtime: { stdin: { isTTY?: boolean } } & Pick<Runtime, "stdout" | "env">,
): boolean {
  if (envFlag(runtime.env, "CI")) return false;
  return runtime.stdin.isTTY === true && runtime.stdout.isTTY === true;
}

export function createContext(options: GlobalOptions, runtime: Runtime): CliContext {
  const json = options.json === true;
  return {
    json,
    profile: nonEmpty(options.profile) ?? readEnv(runtime.env, "PCX_PROFILE"),
    baseUrl: nonEmpty(options.baseUrl) ?? readEnv(runtime.env, "PCX_BASE_URL"),
    yes: options.yes === true,
    verbose: options.verbose === true,
    interactive: isInteractive(runtime),
    cwd: runtime.cwd,
    env: runtime.env,
    stdin: runtime.stdin,
    client: runtime.client,
    out: createOutput({
      stdout: runtime.stdout,
      stderr: runtime.stderr,
      json,
      color: options.color,
      env: runtime.env,
    }),
  };
}
