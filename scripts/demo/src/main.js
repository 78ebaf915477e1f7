// `npx -y pnpm@10 demo [--open]`: builds what the demo runs, then runs it and
// prints an account of each step. With --open the sandbox and the backend
// keep running for a person to click through, until Ctrl+C.
import { buildDemoPackages } from "./build-packages.js";
import { parseDemoArgs, USAGE } from "./demo-args.js";
import { createReporter, isInteractive } from "./reporter.js";

const parsed = parseDemoArgs(process.argv.slice(2));
if (parsed.kind !== "run") {
  if (parsed.kind === "usage-error") process.stderr.write(`error: ${parsed.message}\n\n`);
  process.stderr.write(`${USAGE}\n`);
  process.exit(parsed.kind === "help" ? 0 : 2);
}
const open = parsed.open;
const reporter = createReporter({
  write: (text) => process.stdout.write(text),
  interactive: isInteractive(process.stdout, process.env),
});

reporter.line("pcx demo: a customer activates an integration, offline, on this machine.");
reporter.line();
try {
  await reporter.step(
    "The demo's packages build: the SDK, the sandbox, the stores",
    async (note) => {
      const started = Date.now();
      await buildDemoPackages();
      note(
        `JavaScript only, in ${((Date.now() - started) / 1000).toFixed(1)} s (npx -y pnpm@10 build builds all)`,
      );
    },
  );
  // Imported once built: it runs the packages' built files.
  const { runDemo } = await import("./run-demo.js");
  const { finalAccount, nextSteps, openAccount } = await import("./account.js");
  const run = await runDemo(reporter);
  for (const line of finalAccount(run.outcomes)) reporter.line(line);
  if (!open) {
    await run.close();
    for (const line of nextSteps()) reporter.line(line);
  } else {
    const link = await run.newLink();
    for (const line of openAccount(run.sandboxUrl, run.callbackUrl, link, run.outcomes))
      reporter.line(line);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await run.close();
      reporter.line("Stopped.");
      process.exit(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nerror: ${message}\n`);
  process.exitCode = 1;
}
