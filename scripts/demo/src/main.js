// `npx -y pnpm@10 demo [--open]`: builds what the demo runs, then runs it and
// prints an account of each step. With --open the sandbox and the backend
// keep running for a person to click through, until Ctrl+C.
import { buildDemoPackages } from "./build-packages.js";
import { parseDemoArgs, USAGE } from "./demo-args.js";
import { createReporter, isInteractive } from "./reporter.js";

/** @param {{ open: boolean }} options @param {AbortSignal} signal Ctrl+C. */
async function main({ open }, signal) {
  const reporter = createReporter({
    write: (text) => process.stdout.write(text),
    interactive: isInteractive(process.stdout, process.env),
  });
  reporter.line("pcx demo: a customer activates an integration, offline, on this machine.");
  reporter.line();
  await reporter.step(
    "The demo's packages build: the SDK, the sandbox, the stores",
    async (note) => {
      const started = Date.now();
      await buildDemoPackages();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      note(`JavaScript only, in ${seconds} s (npx -y pnpm@10 build builds all)`);
    },
  );
  // Imported once built: they run the packages' built files.
  const { runDemo } = await import("./run-demo.js");
  const { finalAccount, nextSteps, openAccount } = await import("./account.js");
  signal.throwIfAborted();
  const run = await runDemo(reporter, { signal });
  for (const line of finalAccount(run.outcomes)) reporter.line(line);
  if (!open) {
    await run.close();
    for (const line of nextSteps()) reporter.line(line);
    return;
  }
  const link = await run.newLink();
  for (const line of openAccount(run.sandboxUrl, run.callbackUrl, link, run.outcomes)) {
    reporter.line(line);
  }
  // Ctrl+C stops both servers (runDemo listens to the signal); with nothing left open, the process ends.
  await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
  await run.close();
  reporter.line("Stopped.");
}

const parsed = parseDemoArgs(process.argv.slice(2));
if (parsed.kind === "run") {
  // Ctrl+C or SIGTERM, at any step: stop the servers, remove the temp dir, end.
  const interrupted = new AbortController();
  const stop = () => interrupted.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await main(parsed, interrupted.signal)
    .catch((error) => {
      if (interrupted.signal.aborted) {
        process.stderr.write("\nStopped before the demo's end.\n");
        process.exitCode = 130;
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`\nerror: ${message}\n`);
      process.exitCode = 1;
    })
    .finally(() => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    });
} else {
  if (parsed.kind === "usage-error") process.stderr.write(`error: ${parsed.message}\n\n`);
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = parsed.kind === "help" ? 0 : 2;
}
