import { sanitizeForTerminal } from "@pcx/sdk/text";
import type { CliContext } from "../context.js";
import { startSpinner } from "./spinner.js";

/**
 * Runs a network wait under a spinner: on stderr, only when pcx is
 * interactive (stdin and stdout are TTYs, not CI) and stderr is a TTY, and
 * not with --verbose (whose trace lines would fight with it).
 */
export async function withProgress<T>(
  ctx: Pick<CliContext, "interactive" | "verbose" | "out" | "env">,
  text: string,
  work: () => Promise<T>,
  done?: (result: T) => string | undefined,
): Promise<T> {
  if (!ctx.interactive || ctx.verbose) return work();
  // The spinner writes to the stream itself, past Output's escaping: its labels are escaped here.
  const label = (line: string) => sanitizeForTerminal(line, { multiline: false });
  const spinner = startSpinner(label(text), { stream: ctx.out.streams.stderr, env: ctx.env });
  try {
    const result = await work();
    const finalText = done?.(result);
    const final = finalText === undefined ? undefined : label(finalText);
    if (final === undefined) spinner.stop();
    else spinner.succeed(final);
    return result;
  } catch (error) {
    spinner.stop();
    throw error;
  }
}
