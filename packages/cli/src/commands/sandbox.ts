import { PcxError, parseDuration } from "@pcx/sdk";
import { defineCommand } from "../command.js";
import type { CliContext } from "../context.js";
import { loadSandbox, sqliteMissing } from "./load-sandbox.js";

export interface SandboxInput {
  /** `--port` (default 4010; 0 picks a free port). */
  port: number;
  /** `--host` (default 127.0.0.1: loopback only, the admin routes have no auth). */
  host?: string;
  /** `--data FILE`: keep the state in SQLite across restarts. Default in memory. */
  data?: string;
  /** `--auto-review`: approve every submitted version after a second. */
  autoReview?: boolean;
  /** `--chaos RATE` (0..1): share of /api requests that get a fault. */
  chaos?: number;
  /** `--seed N`: fixtures and chaos sequence. */
  seed?: number;
  /** `--latency MS` added to every /api request. */
  latency?: number;
  /** `--ttl DURATION`: pending activation requests expire after this (default 15m). */
  ttl?: string;
}

export interface SandboxReady {
  url: string;
  apiBaseUrl: string;
  pagesUrl: string;
  credentials: { clientId: string; clientSecret: string; apiKey: string };
  /** Milliseconds from the start of the command to ready. */
  readyInMs: number;
  options: {
    chaos: number;
    seed: number;
    latencyMs: number;
    autoReview: boolean;
    dataFile: string | null;
  };
}

export interface SandboxResult {
  ready: SandboxReady;
  /** The signal that stopped it. */
  stoppedBy: string;
}

function usage(message: string, hint?: string): PcxError {
  return new PcxError("pcx_usage", message, hint ? { hint } : {});
}

function check(input: SandboxInput): number | undefined {
  if (!Number.isInteger(input.port) || input.port < 0 || input.port > 65535) {
    throw usage(
      `--port must be a whole number 0-65535, got ${input.port}.`,
      "0 picks a free port.",
    );
  }
  if (input.chaos !== undefined && !(input.chaos >= 0 && input.chaos <= 1)) {
    throw usage(`--chaos must be a share between 0 and 1, got ${input.chaos}.`, "e.g. --chaos 0.3");
  }
  if (input.seed !== undefined && !Number.isSafeInteger(input.seed)) {
    throw usage(`--seed must be a whole number, got ${input.seed}.`);
  }
  if (input.latency !== undefined && !(Number.isInteger(input.latency) && input.latency >= 0)) {
    throw usage(`--latency must be whole milliseconds ≥ 0, got ${input.latency}.`);
  }
  return input.ttl === undefined ? undefined : parseDuration(input.ttl);
}

/** Resolves with the signal's name on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

function readyText(ready: SandboxReady): string {
  const c = ready.credentials;
  const defaultPort = ready.apiBaseUrl === "http://127.0.0.1:4010/api";
  const point = defaultPort
    ? "pcx --profile sandbox status   (or: export PCX_PROFILE=sandbox)"
    : `pcx --profile sandbox --base-url ${ready.apiBaseUrl} status   (or: export PCX_PROFILE=sandbox PCX_BASE_URL=${ready.apiBaseUrl})`;
  const faults = [
    ready.options.chaos > 0 ? `chaos ${ready.options.chaos} (seed ${ready.options.seed})` : "",
    ready.options.latencyMs > 0 ? `latency ${ready.options.latencyMs} ms` : "",
    ready.options.autoReview ? "auto-review on" : "",
    ready.options.dataFile ? `state in ${ready.options.dataFile}` : "state in memory",
  ].filter(Boolean);
  return [
    `Procountor sandbox ready at ${ready.url} (${ready.readyInMs} ms)`,
    "",
    `  API base:        ${ready.apiBaseUrl}`,
    `  Customer pages:  ${ready.pagesUrl}   (sign in as "demo")`,
    `  Client id:       ${c.clientId}`,
    `  Client secret:   ${c.clientSecret}`,
    `  API key:         ${c.apiKey}`,
    "  (Public demo values of this local emulator: printing them is fine; they work nowhere else.)",
    `  Settings:        ${faults.join(", ")}`,
    "",
    `Point pcx at it:   ${point}`,
    `Approve a version: curl -X POST ${ready.url}/sandbox/integrations/ID/review -H 'content-type: application/json' -d '{"decision":"approve"}'`,
    "Stop with Ctrl+C.",
  ].join("\n");
}

/**
 * `pcx sandbox`: runs the local Procountor sandbox until SIGINT/SIGTERM. The
 * ready information is printed (or, with --json, written as the one
 * document) as soon as it listens; the command resolves once the server has
 * closed, so pcx.ts still sets the exit code.
 */
export default defineCommand<SandboxInput, SandboxResult>({
  async run(input, ctx: CliContext) {
    const started = performance.now();
    const ttlMs = check(input);
    const { startSandbox } = await loadSandbox();
    const log = (level: string) => (message: string) =>
      ctx.out.stderr(`sandbox ${level}: ${message}`);
    const sandbox = await startSandbox({
      port: input.port,
      ...(input.host ? { host: input.host } : {}),
      ...(input.data ? { dataFile: input.data } : {}),
      ...(input.autoReview ? { autoReview: true } : {}),
      ...(input.chaos !== undefined ? { chaos: input.chaos } : {}),
      ...(input.seed !== undefined ? { seed: input.seed } : {}),
      ...(input.latency !== undefined ? { latencyMs: input.latency } : {}),
      ...(ttlMs !== undefined ? { requestTtlMs: ttlMs } : {}),
      logger: {
        info: ctx.verbose ? log("info") : () => {},
        warn: log("warning"),
        error: log("error"),
      },
    }).catch((error: unknown) => {
      const e = error as NodeJS.ErrnoException;
      if (e.code === "EADDRINUSE") {
        throw usage(
          `Port ${input.port} is in use: is a sandbox already running?`,
          "Stop it, or pass --port with another port (0 picks a free one).",
        );
      }
      if (error instanceof RangeError) throw usage(error.message);
      throw sqliteMissing(error) ?? error;
    });
    // Listened for only once it runs: a failed start leaves no handler behind.
    const stopped = untilSignal();
    const ready: SandboxReady = {
      url: sandbox.url,
      apiBaseUrl: sandbox.apiBaseUrl,
      pagesUrl: `${sandbox.url}/`,
      credentials: { ...sandbox.credentials },
      readyInMs: Math.round(performance.now() - started),
      options: {
        chaos: input.chaos ?? 0,
        seed: input.seed ?? 1,
        latencyMs: input.latency ?? 0,
        autoReview: input.autoReview === true,
        dataFile: input.data ?? null,
      },
    };
    if (ctx.json) ctx.out.writeJson(ready);
    else ctx.out.stdout(readyText(ready));
    const stoppedBy = await stopped;
    await sandbox.close();
    return { ready, stoppedBy };
  },
  // The document was written when the sandbox became ready.
  toJson: () => undefined,
  render: (result) => `Sandbox stopped (${result.stoppedBy}).`,
});
