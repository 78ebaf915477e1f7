import { Command } from "@commander-js/extra-typings";
import type { Runtime } from "../context.js";
import { PCX_VERSION } from "../version.js";
import { rootHelpFooter } from "./help-topics.js";

/**
 * The root command with the global flags, which every command inherits (and
 * lists under "Global Options" in its help). Output goes to the runtime's
 * streams; errors are thrown (exitOverride) for cli.ts to report.
 */
export function createRootCommand(runtime: Pick<Runtime, "stdout">) {
  return new Command("pcx")
    .description(
      "Procountor self-service integration activation for integrators: define, validate and publish integration definitions.",
    )
    .version(PCX_VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option("--json", "print one JSON document on stdout and nothing else there")
    .option("--profile <name>", "saved profile to use (sandbox, test, production, …)")
    .option("--base-url <url>", "override the profile's API base URL")
    .option("--no-color", "disable colour (also NO_COLOR=1 or a non-TTY)")
    .option("-y, --yes", "answer confirmations with yes")
    .option("--verbose", "trace HTTP with secrets redacted; show stacks of unexpected errors")
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => runtime.stdout.write(text),
      // Commander writes here only the help it shows for a missing command
      // (`pcx`, `pcx limits`): that help is the answer, on stdout (exit 0).
      writeErr: (text) => runtime.stdout.write(text),
      // Usage errors are reported by cli.ts, in human or JSON form.
      outputError: () => {},
    })
    .addHelpText("after", rootHelpFooter());
}

/** The root command, as the declaration modules receive it. */
export type Program = ReturnType<typeof createRootCommand>;

/** A command group under the root, such as `pcx requests`: no flags of its own, the global ones inherited. */
export type CommandGroup = Command<[], Record<string, never>, ReturnType<Program["opts"]>>;
