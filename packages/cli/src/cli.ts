import { CommanderError } from "@commander-js/extra-typings";
import type { ExitCode } from "./command.js";
import type { Runtime } from "./context.js";
import { createRootCommand } from "./declarations/create-program.js";
import { DECLARATIONS } from "./declarations/index.js";
import { createInvoker, type RunState } from "./declarations/invoker.js";
import { withoutHelpForUnknownCommand } from "./declarations/unknown-command-argv.js";
import { createOutput } from "./io/output.js";
import { type ClassifiedError, classifyError, reportError } from "./report-error.js";

/**
 * Runs pcx with `runtime.argv` (user arguments only) and returns the exit
 * code; never exits (only pcx.ts sets the process's exit code). The commands
 * are declared in `declarations/` and each loads its module from `commands/`
 * only when it runs, so `pcx --help` loads commander and nothing else. This
 * is also the seam the tests run pcx through, in process (`runCli` in @pcx/testkit).
 */
export async function run(runtime: Runtime): Promise<ExitCode> {
  const state: RunState = { exitCode: 0, context: undefined, commandName: "" };
  const program = createRootCommand(runtime);
  const invoke = createInvoker(runtime, state);
  for (const declare of DECLARATIONS) declare(program, invoke);
  trackCommandName(program, state);

  try {
    await program.parseAsync([...withoutHelpForUnknownCommand(program, runtime.argv)], {
      from: "user",
    });
    return state.exitCode;
  } catch (thrown) {
    const json = state.context?.json ?? wantsJson(runtime.argv);
    const out =
      state.context?.out ??
      createOutput({
        stdout: runtime.stdout,
        stderr: runtime.stderr,
        json,
        color: !runtime.argv.includes("--no-color"),
        env: runtime.env,
      });
    if (thrown instanceof CommanderError) {
      // --help, --version, `pcx help`, and the help a bare `pcx` (or `pcx limits`)
      // shows, end parsing with an "error" that is a success.
      if (thrown.code === "commander.helpDisplayed" || thrown.code === "commander.version") {
        return 0;
      }
      if (thrown.code === "commander.help") return 0;
      const classified = usageError(thrown, state.commandName);
      await reportError(out, classified);
      return classified.exitCode;
    }
    const classified = await classifyError(thrown);
    await reportError(
      out,
      classified,
      state.context?.verbose ?? runtime.argv.includes("--verbose"),
    );
    return classified.exitCode;
  }
}

/** The bits of a commander command needed to follow which one is parsed. */
interface CommandNode {
  readonly commands: readonly CommandNode[];
  readonly parent: CommandNode | null;
  name(): string;
  hook(event: "preSubcommand", listener: (self: unknown, sub: CommandNode) => void): unknown;
}

/** Records "limits set" etc. in `state.commandName` as commander descends, for usage hints. */
function trackCommandName(root: CommandNode, state: RunState): void {
  const path = (command: CommandNode): string =>
    command.parent?.parent ? `${path(command.parent)} ${command.name()}` : command.name();
  const walk = (command: CommandNode) => {
    if (command.commands.length === 0) return;
    command.hook("preSubcommand", (_self, sub) => {
      state.commandName = path(sub);
    });
    for (const sub of command.commands) walk(sub);
  };
  walk(root);
}

function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}

function usageError(error: CommanderError, commandName: string): ClassifiedError {
  const message = error.message.replace(/^error:\s*/i, "").trim();
  const command = commandName && commandName !== "help" ? `pcx ${commandName}` : "pcx";
  return {
    exitCode: 2,
    error: { code: "pcx_usage", message, hint: `Run "${command} --help" for usage.` },
  };
}
