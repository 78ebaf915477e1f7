import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CLEAN_PCX_ENV, type CliRun } from "@pcx/testkit";

/**
 * The few smoke tests that run the BUILT bin in a child process, as users do
 * (start-up, exit codes of a real process, the sandbox command). Everything
 * else runs in process (pcx-harness.ts). Build first: npx -y pnpm@10 build.
 */
export const BIN = fileURLToPath(new URL("../dist/pcx.js", import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(BIN)) {
    throw new Error(`No built CLI at ${BIN}. Build first: npx -y pnpm@10 build`);
  }
}

export interface SpawnOptions {
  cwd?: string;
  /** Added to the test process's env, after the PCX_* variables are blanked. */
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed. Default: closed at once. */
  input?: string;
  /** Node options before the script, e.g. `--import=…`. */
  nodeOptions?: string[];
}

/** Runs `node dist/pcx.js ...args` with pipes (no TTY: non-interactive), without blocking the event loop. */
export function spawnPcx(args: string[], options: SpawnOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), BIN, ...args], {
      cwd: options.cwd,
      env: {
        ...process.env,
        ...CLEAN_PCX_ENV,
        NO_COLOR: "1",
        FORCE_COLOR: "",
        CI: "",
        ...options.env,
      },
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
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code: code ?? -1, stdout, stderr, json: () => JSON.parse(stdout) });
    });
    child.stdin.end(options.input ?? "");
  });
}
