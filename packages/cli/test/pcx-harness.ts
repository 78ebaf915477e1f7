import type { SandboxOptions } from "@pcx/sandbox";
import {
  CLEAN_PCX_ENV,
  type CliRun,
  type CliWorld,
  createCliWorld,
  runCli,
  tempDir,
} from "@pcx/testkit";
import { afterEach } from "vitest";
import { run } from "../src/cli.js";
import { definitionYaml } from "./definition-files.js";

/**
 * The CLI's tests run pcx in process through its runtime seam (`run` from
 * src/cli.ts, with captured streams, their own env and a temporary config
 * directory, no TTY): the same code path as the bin, without a child process.
 */

export interface PcxOptions {
  cwd: string;
  /** Added to a clean env (no PCX_* of the developer's shell) with a temporary config dir. */
  env?: NodeJS.ProcessEnv;
  stdin?: string;
}

/**
 * For test files whose tests each work in fresh temporary directories:
 * returns `dirWith(files)`, which makes one; every directory it made is
 * removed after the test. Call it at the top of the file.
 */
export function tempDirPerTest(): (files?: Record<string, string>) => string {
  const made: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of made.splice(0)) cleanup();
  });
  return (files = {}) => {
    const temp = tempDir(files);
    made.push(temp.cleanup);
    return temp.dir;
  };
}

/**
 * `pcx(args, { cwd })`: one in-process run with its own temporary config
 * directory (so nothing saved leaks between runs, unless `env` names one).
 */
export async function pcx(args: readonly string[], options: PcxOptions): Promise<CliRun> {
  const config = tempDir();
  try {
    return await runCli(run, args, {
      cwd: options.cwd,
      env: { ...CLEAN_PCX_ENV, PCX_CONFIG_DIR: config.dir, ...options.env },
      ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
    });
  } finally {
    config.cleanup();
  }
}

/** A sandbox in process and pcx run in process against it (see createCliWorld). */
export function createWorld(
  options: SandboxOptions = {},
  files: Record<string, string> = {},
): Promise<CliWorld> {
  return createCliWorld(run, options, files);
}

/**
 * A world (see createWorld) whose work directory holds the Acme definition,
 * created with `pcx define --yes`; approved by the sandbox's review unless
 * `approve` is false. Returns the world and the new integration's id.
 */
export async function createDefinedWorld(
  options: { approve?: boolean; sandbox?: SandboxOptions } = {},
): Promise<{ world: CliWorld; integrationId: number }> {
  const world = await createWorld(options.sandbox ?? {}, {
    "pcx.integration.yaml": definitionYaml(),
  });
  const created = await world.run(["define", "--yes", "--json"]);
  if (created.code !== 0) throw new Error(`pcx define failed: ${created.stderr}`);
  const integrationId = (created.json() as { result: { integrationId: number } }).result
    .integrationId;
  if (options.approve !== false) await world.review(integrationId, "approve");
  return { world, integrationId };
}
