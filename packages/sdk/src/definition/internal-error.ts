import type { ValidationResult } from "./definition-issue.js";

/**
 * What parsing and validation return instead of throwing when pcx itself fails
 * (not expected for any input): one `internal_error` at `where`, asking for a
 * bug report. `what` completes "pcx could not … this definition".
 */
export function internalError(
  what: "read" | "check",
  error: unknown,
  where: { line?: number; column?: number } = {},
): ValidationResult<never> {
  return {
    value: undefined,
    errors: [
      {
        path: "",
        code: "internal_error",
        severity: "error",
        message: `pcx could not ${what} this definition (${error instanceof Error ? error.message : "unknown error"}); please report this as a pcx bug`,
        ...where,
      },
    ],
    warnings: [],
  };
}
