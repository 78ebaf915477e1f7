// Spawns backend instances (fixtures/answering-instance.mjs) as their own
// Node processes on the BUILT packages: build first (`npx -y pnpm@10 build`).
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./fixtures/answering-instance.mjs", import.meta.url));
const BUILT = fileURLToPath(new URL("../../sdk/dist/index.js", import.meta.url));

export type InstanceStore =
  | { kind: "sqlite"; filename: string }
  | { kind: "postgres"; url: string; schema: string };

export interface InstanceConfig {
  mode: "serve" | "callback" | "repair" | "reconcile";
  name: string;
  apiBaseUrl: string;
  credentials: { clientId: string; clientSecret: string; apiKey: string };
  integrationId: number;
  store: InstanceStore;
  keyringKey: string;
  stateSecret: string;
  callbackUrl?: string;
  crashAfterDecision?: boolean;
  sweeps?: number;
}

export interface Instance {
  child: ChildProcessWithoutNullStreams;
  /** Every JSON line it reported so far. */
  lines: Array<Record<string, unknown>>;
  stderr(): string;
  /** The first reported line with this key. */
  waitFor(key: string, ms?: number): Promise<Record<string, unknown>>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function assertInstancesBuilt(): void {
  if (!existsSync(BUILT))
    throw new Error("Build first: npx -y pnpm@10 build (the instances run dist/).");
}

export function startInstance(config: InstanceConfig): Instance {
  const child = spawn(process.execPath, [SCRIPT], {
    env: { ...process.env, PCX_TEST_INSTANCE: JSON.stringify(config), NODE_ENV: "test" },
  });
  const lines: Array<Record<string, unknown>> = [];
  let buffered = "";
  let err = "";
  const waiters: Array<() => void> = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim()) lines.push(JSON.parse(line));
      newline = buffered.indexOf("\n");
    }
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => {
      for (const wake of waiters.splice(0)) wake();
      resolve({ code, signal });
    }),
  );
  return {
    child,
    lines,
    stderr: () => err,
    exit,
    async waitFor(key, ms = 60_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = lines.find((line) => key in line);
        if (found) return found;
        if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
          throw new Error(
            `${config.name}: no "${key}" (exit ${child.exitCode ?? child.signalCode})\n${err}`,
          );
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
  };
}

/** Runs `work` over `items`, `concurrency` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index] as T, index);
      }
    }),
  );
}
