import { sanitizeForTerminal } from "../text/sanitize-for-terminal.js";
import type { DefinitionIssue, ValidationResult } from "./definition-issue.js";

function printable(issue: DefinitionIssue): DefinitionIssue {
  const message = sanitizeForTerminal(issue.message, { multiline: false });
  return message === issue.message ? issue : { ...issue, message };
}

/**
 * The result with every issue message safe to print: messages quote what the
 * file holds (an unknown key, a YAML snippet, a value), and a file may hold
 * escape sequences. Paths are already safe (`formatPath`).
 */
export function withPrintableIssues<T>(result: ValidationResult<T>): ValidationResult<T> {
  return {
    value: result.value,
    errors: result.errors.map(printable),
    warnings: result.warnings.map(printable),
  };
}
