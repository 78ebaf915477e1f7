import type { DefinitionIssue } from "@pcx/sdk";
import type { ChalkInstance } from "chalk";

/** `technicalUser.rights.0.level`; the root of the document is shown as `(root)`. */
export function formatPath(path: DefinitionIssue["path"] | readonly (string | number)[]): string {
  const text = Array.isArray(path) ? path.join(".") : String(path ?? "");
  return text === "" ? "(root)" : text;
}

/** `file:line:col` when the position is known (clickable in editors and CI logs), else `file`. */
export function formatLocation(
  file: string,
  issue: Pick<DefinitionIssue, "line" | "column">,
): string {
  if (issue.line === undefined) return file;
  return issue.column === undefined
    ? `${file}:${issue.line}`
    : `${file}:${issue.line}:${issue.column}`;
}

/**
 * One line per issue: `file:line:col  error  path  message`. The message is
 * the SDK's, which says how to fix the problem.
 */
export function formatIssue(file: string, issue: DefinitionIssue, paint: ChalkInstance): string {
  const severity = issue.severity === "error" ? paint.red("error  ") : paint.yellow("warning");
  return `${paint.dim(formatLocation(file, issue))}  ${severity}  ${paint.bold(formatPath(issue.path))}  ${issue.message}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
