import type { CliContext } from "./context.js";

/** 0 ok · 1 the thing checked is not OK · 2 usage · 3 API/network · 4 credentials/config (`pcx help exit-codes`). */
export type ExitCode = 0 | 1 | 2 | 3 | 4;

/**
 * What `src/commands/<name>.ts` exports as default. cli.ts imports it lazily
 * when the command runs, calls `run`, then prints `render(data)` or, under
 * `--json`, `toJson(data)` (default: `data`) as the one stdout document.
 * Commands throw PcxError for failures; the top-level catch in cli.ts maps
 * them to exit codes. A result that is itself "not OK" (an invalid
 * definition) is data plus an `exitCode`, so `--json` still prints it.
 */
export interface CommandModule<Input, Data> {
  run(input: Input, ctx: CliContext): Promise<Data>;
  /** Human output for stdout. */
  render(data: Data, ctx: CliContext): string | Promise<string>;
  /**
   * The `--json` document. Default: `data` itself. `undefined` means the
   * command has written its one document already (a long-running command that
   * reports readiness, like `pcx sandbox`).
   */
  toJson?(data: Data): unknown;
  /** Exit code for a completed run. Default 0. */
  exitCode?(data: Data, input: Input): ExitCode;
}

export function defineCommand<Input, Data>(
  command: CommandModule<Input, Data>,
): CommandModule<Input, Data> {
  return command;
}
