import type { ExitCode } from "./command.js";
import type { Output } from "./io/output.js";
import { terminalSafe } from "./io/terminal-safe.js";

/** The `--json` error document is `{ "error": ReportedError }`. */
export interface ReportedError {
  code: string;
  message: string;
  hint?: string;
  details?: Record<string, unknown>;
}

export interface ClassifiedError {
  error: ReportedError;
  exitCode: ExitCode;
  /** Kept for `--verbose` when the error is not a PcxError (a bug or an unexpected failure). */
  stack?: string;
}

/**
 * Maps any thrown value to what the user sees and the exit code. The SDK is
 * imported here, lazily, so that `--help` and usage errors never load it.
 */
export async function classifyError(thrown: unknown): Promise<ClassifiedError> {
  const { exitCodeFor, isPcxError } = await import("./sdk-errors.js");
  const exitCode = exitCodeFor(thrown);
  if (isPcxError(thrown)) {
    const { code, message, hint, details } = thrown.toJSON();
    return {
      exitCode,
      error: {
        code,
        message,
        ...(hint ? { hint } : {}),
        ...(details ? { details } : {}),
      },
    };
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return {
    exitCode,
    stack: thrown instanceof Error ? thrown.stack : undefined,
    error: {
      code: "pcx_internal",
      message: `Unexpected error: ${message}`,
      hint: "Run again with --verbose for details; if it persists, please report it.",
    },
  };
}

/** Human mode: `error: <message>` (+ `hint: …`) on stderr. `--json`: `{ "error": … }` on stdout. */
export async function reportError(
  out: Output,
  classified: ClassifiedError,
  verbose = false,
): Promise<void> {
  const { error, stack } = classified;
  if (out.json) {
    out.writeJson({ error });
    return;
  }
  const paint = await out.paint("stderr");
  // Messages and hints quote servers and files: escape them before they are painted.
  const { message, hint } = terminalSafe(error);
  out.stderr(`${paint.red.bold("error:")} ${message}`);
  if (hint) out.stderr(`${paint.dim("hint:")} ${hint}`);
  if (verbose && stack) out.stderr(paint.dim(terminalSafe(stack)));
}
