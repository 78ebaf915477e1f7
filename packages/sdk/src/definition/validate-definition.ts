import { lintRights } from "../permissions/lint-rights.js";
import { describeValue } from "../text/describe-value.js";
import type { DefinitionIssue, ValidationResult } from "./definition-issue.js";
import type { IntegrationDefinition } from "./integration-definition-schema.js";
import { IntegrationDefinitionSchema } from "./integration-definition-schema.js";
import { internalError } from "./internal-error.js";
import { parsePath } from "./issue-path.js";
import { issuesFromZod } from "./issues-from-zod.js";
import { lintUnknownKeys, suggestKey } from "./lint-unknown-keys.js";
import { withPrintableIssues } from "./printable-issues.js";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function objectAt(input: unknown, path: readonly (string | number)[]): unknown {
  let current = input;
  for (const segment of path) {
    if (typeof segment === "number" ? !Array.isArray(current) : !isObject(current))
      return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Adds `(found "callbackURL": rename it)` to a missing-field error when a near-miss key is present. */
function pointAtTypos(input: unknown, errors: DefinitionIssue[]): void {
  for (const error of errors) {
    if (error.code !== "required") continue;
    const segments = parsePath(error.path);
    const missing = segments[segments.length - 1];
    const parent = objectAt(input, segments.slice(0, -1));
    if (typeof missing !== "string" || !isObject(parent)) continue;
    // Near-misses are looked for among a handful of keys, not among thousands.
    const keys = Object.keys(parent);
    if (keys.length > 50) continue;
    const typo = keys.find((key) => key !== missing && suggestKey(key, [missing]) === missing);
    if (typo) error.message += ` (found "${typo}": rename it to "${missing}")`;
  }
}

/**
 * Checks a definition (already parsed from JSON or YAML, or built in code)
 * and reports every problem at once, never throwing:
 *
 * - errors: each broken field with its dot-path (schema rules: types, lengths,
 *   https URLs, username format, levels, at least one right, no right listed
 *   twice, no control or bidi characters in text: `unsafe_character`);
 * - warnings: unknown fields (with did-you-mean) and the rights lint
 *   (`lintRights`: unknown rights, unexplained high-risk rights, `all` for a
 *   purpose that only reads).
 *
 * `value` is the definition with defaults applied (billing: "environment") and
 * strings trimmed, or undefined when there are errors. Issues carry no
 * line/column here; `parseDefinitionText` adds them. Messages are safe to
 * print: what they quote from the input has its control characters escaped.
 */
export function validateDefinition(input: unknown): ValidationResult<IntegrationDefinition> {
  return withPrintableIssues(check(input));
}

function check(input: unknown): ValidationResult<IntegrationDefinition> {
  try {
    if (!isObject(input)) {
      const required = Object.entries(IntegrationDefinitionSchema.shape)
        .filter(([, field]) => !field.safeParse(undefined).success)
        .map(([key]) => key);
      return {
        value: undefined,
        errors: [
          {
            path: "",
            code: "invalid_type",
            severity: "error",
            message: `the definition must be an object (a YAML mapping or JSON object) with at least ${required.join(", ")}; got ${describeValue(input)}`,
          },
        ],
        warnings: [],
      };
    }
    const { data, errors } = issuesFromZod(input);
    pointAtTypos(input, errors);
    const user = input.technicalUser;
    const rights = isObject(user) && Array.isArray(user.rights) ? user.rights : [];
    const warnings = [...lintUnknownKeys(input), ...lintRights(rights)];
    return { value: errors.length === 0 ? data : undefined, errors, warnings };
  } catch (error) {
    // Not expected for any input; kept so that validation keeps its no-throw promise.
    return internalError("check", error);
  }
}
