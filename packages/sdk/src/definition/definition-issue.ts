/** How bad an issue is: errors make a definition invalid, warnings do not. */
export type IssueSeverity = "error" | "warning";

/**
 * One problem found in a definition. Stable `code`s let scripts match on
 * issues; `message` says how to fix it. Codes: docs/definition.md "Issue codes".
 */
export interface DefinitionIssue {
  /** Dot-path of the offending field, e.g. `technicalUser.rights[1].level`; "" for the whole file. */
  path: string;
  /** What is wrong and how to fix it, as a sentence fragment that reads well after the path. */
  message: string;
  /** Stable code, e.g. `invalid_type`, `required`, `unknown_right`, `high_risk_right`, `parse_error`. */
  code: string;
  /** "error" makes the definition invalid; "warning" is advice (the definition is still usable). */
  severity: IssueSeverity;
  /** 1-based line in the source text, when the issue came from `parseDefinitionText`/`loadDefinition`. */
  line?: number;
  /** 1-based column in the source text, with `line`. */
  column?: number;
}

/**
 * The outcome of validating something: `value` is set when there are no
 * errors (warnings do not block it). Validation never throws on bad input.
 */
export interface ValidationResult<T> {
  /** The valid value with defaults applied, or undefined when `errors` is not empty. */
  value: T | undefined;
  /** Problems that make the input invalid; empty when `value` is set. */
  errors: DefinitionIssue[];
  /** Advice that does not block the input (unknown rights, unknown keys, least-privilege lint). */
  warnings: DefinitionIssue[];
}
