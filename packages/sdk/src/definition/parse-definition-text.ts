import { LineCounter, parseDocument } from "yaml";
import type { DefinitionIssue, ValidationResult } from "./definition-issue.js";
import { definitionSizeIssue } from "./definition-size.js";
import { findDuplicateKeys } from "./duplicate-keys.js";
import type { IntegrationDefinition } from "./integration-definition-schema.js";
import { internalError } from "./internal-error.js";
import { parsePath } from "./issue-path.js";
import { jsonSyntaxError } from "./json-syntax-error.js";
import { nodePosition } from "./node-position.js";
import { withPrintableIssues } from "./printable-issues.js";
import { validateDefinition } from "./validate-definition.js";

/** The definition file formats. */
export type DefinitionFormat = "json" | "yaml";

/** Options of `parseDefinitionText`. */
export interface ParseDefinitionTextOptions {
  /** How to parse the text. JSON is parsed strictly (no comments or trailing commas). */
  format: DefinitionFormat;
  /** The file name, used in parse-error messages only. Default: "the definition". */
  file?: string;
}

function byPosition(a: DefinitionIssue, b: DefinitionIssue): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

function parse(
  text: string,
  options: ParseDefinitionTextOptions,
): ValidationResult<IntegrationDefinition> {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const name = options.file ?? "the definition";
  const tooLarge = definitionSizeIssue(source, name);
  if (tooLarge) return { value: undefined, errors: [tooLarge], warnings: [] };
  const lineCounter = new LineCounter();
  const errors: DefinitionIssue[] = [];
  const warnings: DefinitionIssue[] = [];
  const parseError = (message: string, offset: number, code = "parse_error") => {
    const pos = lineCounter.linePos(offset);
    errors.push({ path: "", code, severity: "error", message, line: pos.line, column: pos.col });
  };

  // The yaml parser reads JSON too and gives every node a position.
  // Repeated keys are found by findDuplicateKeys (linear), not by the parser (quadratic).
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false, logLevel: "error" });
  const reportDuplicates = () => {
    for (const { key, offset, firstOffset } of findDuplicateKeys(doc)) {
      const first = lineCounter.linePos(firstOffset);
      parseError(
        `the key ${JSON.stringify(key)} is repeated (first at line ${first.line}); remove one of them`,
        offset,
        "duplicate_key",
      );
    }
  };
  let data: unknown;
  if (options.format === "json") {
    try {
      data = JSON.parse(source);
    } catch (error) {
      const found = jsonSyntaxError(source);
      const reason = found?.message ?? (error instanceof Error ? error.message : "syntax error");
      parseError(`${name} is not valid JSON: ${reason}`, found?.offset ?? 0);
      return { value: undefined, errors, warnings };
    }
    // JSON.parse accepts repeated keys (the last wins); they are almost always a mistake.
    reportDuplicates();
  } else {
    for (const problem of doc.errors) {
      parseError(`${name} is not valid YAML: ${firstLine(problem.message)}`, problem.pos[0]);
    }
    if (errors.length === 0) reportDuplicates();
    for (const problem of doc.warnings) {
      const pos = lineCounter.linePos(problem.pos[0]);
      warnings.push({
        path: "",
        code: "yaml_warning",
        severity: "warning",
        message: firstLine(problem.message),
        line: pos.line,
        column: pos.col,
      });
    }
    if (errors.length === 0) {
      try {
        data = doc.toJS({ maxAliasCount: 100 });
      } catch (error) {
        parseError(
          `${name} could not be read: ${error instanceof Error ? error.message : "unknown error"}`,
          0,
        );
      }
    }
  }
  if (errors.length > 0) return { value: undefined, errors, warnings };

  const result = validateDefinition(data);
  const locate = (issue: DefinitionIssue): DefinitionIssue => {
    const pos = nodePosition(doc, parsePath(issue.path), lineCounter, {
      key: issue.code === "unknown_key",
    });
    return { ...issue, line: pos.line, column: pos.column };
  };
  return {
    value: result.value,
    errors: result.errors.map(locate).sort(byPosition),
    warnings: [...warnings, ...result.warnings.map(locate)].sort(byPosition),
  };
}

/**
 * Parses a definition file's text (JSON or YAML) and validates it, never
 * throwing. Syntax errors become `parse_error` issues (path "") with the line
 * and column where parsing failed; repeated keys are `duplicate_key` errors;
 * a text over MAX_DEFINITION_LENGTH characters or MAX_DEFINITION_SEPARATORS
 * separators is one `too_large` error, before any parsing.
 * Every validation issue gets the 1-based line and column of the node it is
 * about (see `nodePosition`). Errors and warnings are sorted by position.
 */
export function parseDefinitionText(
  text: string,
  options: ParseDefinitionTextOptions,
): ValidationResult<IntegrationDefinition> {
  try {
    if (typeof text !== "string") return validateDefinition(text);
    return withPrintableIssues(parse(text, options));
  } catch (error) {
    return withPrintableIssues(internalError("read", error, { line: 1, column: 1 }));
  }
}
