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
  const spinner = startSpinner(text, { stream: ctx.out.streams.stderr, env: ctx.env });
  try {
    const result = await work();
    const final = done?.(result);
    if (final === undefined) spinner.stop();
    else spinner.succeed(final);
    return result;
  } catch (error) {
    spinner.stop();
    throw error;
  }
}
