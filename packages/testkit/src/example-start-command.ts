// Runs an example backend the way its README says (`npx -y pnpm@10 --filter
// NAME start`, i.e. the package's `start` script) as a child process, and
// waits for its ready line. The example imports the BUILT packages, so build
// first (`npx -y pnpm@10 build`), as `pnpm test` does.
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { customerAgent } from "./customer-agent.js";

export interface ExampleStart {
  /** The README's one command, e.g. "npx -y pnpm@10 --filter express-backend start". */
  command: string;
  /** The activation link the start script printed. */
  link: URL;
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves once the output contains `text`; rejects after `timeoutMs` or when the process exits. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /**
   * The demo customer signs in at the sandbox the example was started against
   * (`PCX_BASE_URL`) and activates the printed link for `companyIds`; resolves
   * with the request's id and its hand-off URL (the backend's callback).
   */
  activate(companyIds: number[]): Promise<{ requestId: number; callbackUrl: string }>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** What the start scripts print once they listen (examples/sandbox-setup). */
export const EXAMPLE_READY_LINE = "Waiting for callbacks.";

function watch(child: ChildProcess) {
  let output = "";
  let exited: number | null | undefined;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
    wake();
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
    wake();
  });
  const exit = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      exited = code;
      wake();
      resolve(code);
    }),
  );
  const waitFor = (text: string, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => done(new Error(`no "${text}" within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const check = () => {
        if (output.includes(text)) done();
        else if (exited !== undefined) done(new Error(`exited with ${exited} before "${text}"`));
      };
      const done = (error?: Error) => {
        clearTimeout(timer);
        waiters.delete(check);
        if (error) reject(new Error(`${error.message}; output:\n${output}`));
        else resolve();
      };
      waiters.add(check);
      check();
    });
  return { output: () => output, waitFor, exit, exited: () => exited };
}

/**
 * Starts the example in `exampleDir` with its README's one command and waits
 * for its ready line. Checks that the README names the command and that the
 * package's `start` script is `node …` (run here with this Node, in the
 * example's directory, as pnpm would). `env` is added to this process's
 * environment without its PCX_*, PORT and HOST variables.
 */
export async function startExampleCommand(
  exampleDir: URL,
  env: Record<string, string>,
): Promise<ExampleStart> {
  const pkg = JSON.parse(await readFile(new URL("package.json", exampleDir), "utf8")) as {
    name: string;
    scripts?: { start?: string };
  };
  const command = `npx -y pnpm@10 --filter ${pkg.name} start`;
  const readme = await readFile(new URL("README.md", exampleDir), "utf8");
  if (!readme.includes(command)) throw new Error(`README.md does not give "${command}"`);
  const [program, ...args] = (pkg.scripts?.start ?? "").split(" ");
  if (program !== "node")
    throw new Error(`the start script must run node, got "${pkg.scripts?.start}"`);
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith("PCX_") && name !== "PORT" && name !== "HOST",
    ),
  );
  const child = spawn(process.execPath, args, {
    cwd: fileURLToPath(exampleDir),
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const watched = watch(child);
  const stop = async () => {
    if (watched.exited() === undefined) child.kill("SIGTERM");
    return watched.exit;
  };
  try {
    await watched.waitFor(EXAMPLE_READY_LINE);
    const lines = watched.output().split("\n");
    const at = lines.findIndex((line) => line.startsWith("Open this activation link"));
    const link = new URL((lines[at + 1] ?? "").trim());
    const activate = async (companyIds: number[]) => {
      const integrationId = Number(/\/activate\/(\d+)$/.exec(link.pathname)?.[1]);
      const customer = customerAgent((env.PCX_BASE_URL ?? "").replace(/\/api\/?$/, ""));
      await customer.signIn();
      const state = link.searchParams.get("state") ?? "";
      const requestId = await customer.activate(integrationId, companyIds, state);
      return { requestId, callbackUrl: await customer.callbackHref(requestId) };
    };
    return { command, link, output: watched.output, waitFor: watched.waitFor, activate, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
