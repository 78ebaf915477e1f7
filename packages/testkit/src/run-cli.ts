import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";

type Terminal<Stream> = Stream & { isTTY?: boolean };

/**
 * What pcx's `run` (packages/cli/src/cli.ts) takes: the parts of the CLI's
 * `Runtime` this harness fills in (the test kit does not depend on the CLI).
 */
export type CliRuntime = {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
} & Record<"stdout" | "stderr", Terminal<NodeJS.WritableStream>> & {
    stdin: Terminal<NodeJS.ReadableStream>;
    client?: { sleep?: (ms: number, signal?: AbortSignal) => Promise<void> };
  };

/** pcx's `run`: the CLI tests pass it in (`import { run } from "../src/cli.js"`). */
export type CliEntry = (runtime: CliRuntime) => Promise<number>;

/** One run of pcx: its exit code and everything it wrote. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as exactly one JSON document (JSON.parse fails on anything else). */
  json(): unknown;
}

export interface RunCliOptions {
  /** Working directory of the run. */
  cwd: string;
  /**
   * The whole environment of the run: nothing of the test process's own is
   * inherited, so a developer's PCX_* variables never leak in. `NO_COLOR=1`
   * unless given. Default `{}` (plus NO_COLOR).
   */
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which then ends. Default: an empty stdin. */
  stdin?: string;
  /**
   * Let the API client wait for real between retries, for `Retry-After` and
   * for its rate limiter. Default false: tests never sleep, those waits
   * resolve at once (the retries and their idempotency keys still happen).
   */
  realWaits?: boolean;
}

/** A stream that collects what is written to it; never a TTY. */
function capture(): { stream: NodeJS.WritableStream & { isTTY: false }; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
      done();
    },
  });
  return { stream: Object.assign(stream, { isTTY: false as const }), text: () => chunks.join("") };
}

/**
 * Runs `pcx ...argv` in this process through the CLI's runtime seam, as the
 * bin would, with captured stdout and stderr, the given env and working
 * directory, and no TTY (so pcx never prompts). Returns the exit code `run`
 * returns; nothing exits.
 */
export async function runCli(
  entry: CliEntry,
  argv: readonly string[],
  options: RunCliOptions,
): Promise<CliRun> {
  const stdout = capture();
  const stderr = capture();
  const stdin = Object.assign(Readable.from(options.stdin ? [options.stdin] : []), {
    isTTY: false as const,
  });
  const code = await entry({
    argv,
    env: { NO_COLOR: "1", ...options.env },
    cwd: options.cwd,
    stdin,
    stdout: stdout.stream,
    stderr: stderr.stream,
    ...(options.realWaits ? {} : { client: { sleep: async () => {} } }),
  });
  const out = stdout.text();
  return { code, stdout: out, stderr: stderr.text(), json: () => JSON.parse(out) };
}

/** A temporary directory with the given files; `cleanup()` removes it. */
export function tempDir(files: Record<string, string> = {}): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "pcx-test-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
