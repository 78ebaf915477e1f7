import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
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

/** A pcx child process, its output so far, and its end. */
export interface StartedPcx {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The first match of `pattern` in stdout, as soon as it is there; rejects if pcx ends first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
}

/** Starts `node dist/pcx.js ...args` with pipes (no TTY: non-interactive). stdin stays open. */
export function startPcx(args: string[], options: SpawnOptions = {}): StartedPcx {
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
  const changed = new EventTarget();
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    changed.dispatchEvent(new Event("output"));
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => {
        changed.dispatchEvent(new Event("output"));
        resolve({ code, signal });
      });
    },
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = stdout.match(pattern);
        if (match) {
          changed.removeEventListener("output", check);
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          changed.removeEventListener("output", check);
          reject(new Error(`no ${pattern} in stdout: ${stdout}\nstderr: ${stderr}`));
        }
      };
      changed.addEventListener("output", check);
      check();
    });
  return { child, stdout: () => stdout, stderr: () => stderr, exit, waitFor };
}

/** Runs `node dist/pcx.js ...args` to its end, without blocking the event loop. */
export async function spawnPcx(args: string[], options: SpawnOptions = {}): Promise<CliRun> {
  const started = startPcx(args, options);
  started.child.stdin.end(options.input ?? "");
  const { code } = await started.exit;
  const stdout = started.stdout();
  return { code: code ?? -1, stdout, stderr: started.stderr(), json: () => JSON.parse(stdout) };
}
