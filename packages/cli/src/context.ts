import { createOutput, type Output } from "./io/output.js";

/** The process pieces a run touches; the bin passes `process`, tests can pass fakes. */
export interface Runtime {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Global flags, as commander parses them (docs/cli.md). */
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
  out: Output;
}

const nonEmpty = (value: string | undefined) =>
  value !== undefined && value !== "" ? value : undefined;

export function isInteractive(runtime: Pick<Runtime, "stdin" | "stdout" | "env">): boolean {
  const ci = runtime.env.CI;
  if (ci !== undefined && ci !== "" && ci !== "0" && ci !== "false") return false;
  return runtime.stdin.isTTY === true && runtime.stdout.isTTY === true;
}

export function createContext(options: GlobalOptions, runtime: Runtime): CliContext {
  const json = options.json === true;
  return {
    json,
    profile: nonEmpty(options.profile) ?? nonEmpty(runtime.env.PCX_PROFILE),
    baseUrl: nonEmpty(options.baseUrl) ?? nonEmpty(runtime.env.PCX_BASE_URL),
    yes: options.yes === true,
    verbose: options.verbose === true,
    interactive: isInteractive(runtime),
    cwd: runtime.cwd,
    env: runtime.env,
    out: createOutput({
      stdout: runtime.stdout,
      stderr: runtime.stderr,
      json,
      color: options.color,
      env: runtime.env,
    }),
  };
}
