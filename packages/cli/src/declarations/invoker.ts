import type { CommandModule, ExitCode } from "../command.js";
import { type CliContext, createContext, type GlobalOptions, type Runtime } from "../context.js";
import { terminalSafe } from "../io/terminal-safe.js";

/** What one run of pcx has found out so far; cli.ts reads it after parsing. */
export interface RunState {
  exitCode: ExitCode;
  /** Set once a command's action starts. */
  context: CliContext | undefined;
  /** The command being parsed, e.g. "limits set" (for usage hints). */
  commandName: string;
}

/** A command module, imported when its command runs (a string-literal `import()`, so it gets its own chunk). */
// biome-ignore lint/suspicious/noExplicitAny: each module's data type is its own; invoke only passes it along
export type Loader<Input> = () => Promise<{ default: CommandModule<Input, any> }>;

/** Anything commander hands an action as its command: the global flags are all invoke needs. */
export interface ParsedCommand {
  optsWithGlobals(): GlobalOptions;
}

/**
 * Runs a command: builds its context from the global flags, loads the
 * module, runs it, and prints its data (rendered, or the `--json` document).
 */
export type Invoke = <Input>(
  cmd: ParsedCommand,
  load: Loader<Input>,
  input: Input,
) => Promise<void>;

export function createInvoker(runtime: Runtime, state: RunState): Invoke {
  return async (cmd, load, input) => {
    const context = createContext(cmd.optsWithGlobals(), runtime);
    state.context = context;
    const command = (await load()).default;
    const data = await command.run(input, context);
    if (context.json) {
      const document = command.toJson ? command.toJson(data) : data;
      // undefined: the command wrote its document already (pcx sandbox, when ready).
      if (document !== undefined) context.out.writeJson(document);
    } else {
      // Strings in the data come from servers and files: escaped before they are painted.
      const text = await command.render(terminalSafe(data), context);
      if (text) context.out.stdout(text);
    }
    state.exitCode = command.exitCode?.(data, input) ?? 0;
  };
}
