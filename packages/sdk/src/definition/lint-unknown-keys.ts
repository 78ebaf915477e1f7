import { didYouMean } from "../text/did-you-mean.js";
import type { DefinitionIssue } from "./definition-issue.js";
import {
  IntegrationDefinitionSchema,
  TechnicalUserRightSchema,
  TechnicalUserSchema,
} from "./integration-definition-schema.js";
import { formatPath, type PathSegment } from "./issue-path.js";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Unknown fields reported one by one per object; the rest are summed up in one warning. */
const MAX_REPORTED = 10;

const ROOT_KEYS = Object.keys(IntegrationDefinitionSchema.shape);
const LINK_KEYS = Object.keys(IntegrationDefinitionSchema.shape.links.shape);
const USER_KEYS = Object.keys(TechnicalUserSchema.shape);
const RIGHT_KEYS = Object.keys(TechnicalUserRightSchema.shape);

/** The key in `known` that `key` most likely meant (`callbackURL` → `callbackUrl`). */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  return didYouMean(
    key,
    known.map((k) => ({ value: k, spellings: [k] })),
  );
}

function check(
  object: unknown,
  known: readonly string[],
  at: readonly PathSegment[],
  out: DefinitionIssue[],
): void {
  if (!isObject(object)) return;
  const unknown = Object.keys(object).filter((key) => !known.includes(key));
  // A file with hundreds of unknown fields is not a definition: past 9, one summary says so.
  const shown = unknown.length > MAX_REPORTED ? unknown.slice(0, MAX_REPORTED - 1) : unknown;
  for (const key of shown) {
    const suggestion = suggestKey(key, known);
    out.push({
      path: formatPath([...at, key]),
      code: "unknown_key",
      severity: "warning",
      message: suggestion
        ? `unknown field "${key}" is ignored; did you mean "${suggestion}"?`
        : `unknown field "${key}" is ignored; fields allowed here: ${known.join(", ")}`,
    });
  }
  const rest = unknown.slice(shown.length);
  if (rest.length > 0) {
    const examples = rest.slice(0, 3).map((key) => JSON.stringify(key));
    out.push({
      path: formatPath(at),
      code: "unknown_key",
      severity: "warning",
      message: `${rest.length} more unknown fields are ignored (${examples.join(", ")}, …); fields allowed here: ${known.join(", ")}`,
    });
  }
}

/**
 * Warnings (`unknown_key`) for fields the definition format does not have, at
 * the top level, in `links`, in `technicalUser` and in each rights entry, with
 * a did-you-mean. Unknown fields are warnings, not errors: they are ignored
 * (stripped) and are most often typos of a field that is then reported missing.
 * At most 10 warnings per object: past 9, one warning names how many more.
 */
export function lintUnknownKeys(input: unknown): DefinitionIssue[] {
  const out: DefinitionIssue[] = [];
  if (!isObject(input)) return out;
  check(input, ROOT_KEYS, [], out);
  check(input.links, LINK_KEYS, ["links"], out);
  check(input.technicalUser, USER_KEYS, ["technicalUser"], out);
  const user = input.technicalUser;
  if (isObject(user) && Array.isArray(user.rights)) {
    user.rights.forEach((entry, index) => {
      check(entry, RIGHT_KEYS, ["technicalUser", "rights", index], out);
    });
  }
  return out;
}
