import { z } from "zod";
import { describeValue } from "../text/describe-value.js";
import type { DefinitionIssue } from "./definition-issue.js";
import { IntegrationDefinitionSchema } from "./integration-definition-schema.js";
import { formatPath, type PathSegment } from "./issue-path.js";

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object (a mapping of fields)",
};

/**
 * Fix-oriented messages for the issues the schema has no message of its own
 * for (schema messages take precedence over this per-parse map in zod 4).
 */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? "must not be empty"
          : `use at least ${issue.minimum} characters`;
      if (issue.origin === "array") return `list at least ${issue.minimum} item(s)`;
      return `must be at least ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "string") return `use at most ${issue.maximum} characters`;
      if (issue.origin === "array") return `list at most ${issue.maximum} item(s)`;
      return `must be at most ${issue.maximum}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return `has the wrong format${"pattern" in issue && issue.pattern ? ` (must match ${issue.pattern})` : ""}`;
    default:
      return undefined;
  }
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at `path` in `input` and whether its last key exists. */
function lookup(input: unknown, path: readonly PathSegment[]): { found: boolean; value: unknown } {
  let current: unknown = input;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") {
      if (segment >= current.length) return { found: false, value: undefined };
      current = current[segment];
    } else if (isObject(current) && Object.hasOwn(current, segment)) {
      current = current[segment as string];
    } else return { found: false, value: undefined };
  }
  return { found: true, value: current };
}

/** Description and first example of the schema field at `path` (for "missing field" messages). */
export function fieldHelp(path: readonly PathSegment[]): {
  description?: string;
  example?: unknown;
} {
  let schema: z.ZodType | undefined = IntegrationDefinitionSchema;
  let help: { description?: string; example?: unknown } = {};
  for (const segment of path) {
    help = {};
    // Descriptions sit on the outermost wrapper (.optional().meta(...)), so read them while unwrapping.
    const read = (s: z.ZodType) => {
      const meta = s.meta() as { description?: string; examples?: unknown[] } | undefined;
      help.description ??= meta?.description;
      help.example ??= meta?.examples?.[0];
    };
    const unwrap = (s: z.ZodType): z.ZodType => {
      let inner = s;
      while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
        inner = inner.unwrap() as z.ZodType;
      }
      return inner;
    };
    const container: z.ZodType | undefined = schema && unwrap(schema);
    if (container instanceof z.ZodObject && typeof segment === "string") {
      schema = (container.shape as Record<string, z.ZodType>)[segment];
    } else if (container instanceof z.ZodArray && typeof segment === "number") {
      schema = container.element as z.ZodType;
    } else return {};
    if (!schema) return {};
    read(schema);
    read(unwrap(schema));
  }
  return help;
}

/**
 * Validates `input` against the schema and turns zod's issues into
 * DefinitionIssues: dot-paths, stable codes (`required` for a missing or
 * empty field, `params.code` for the schema's custom checks, zod's code
 * otherwise) and messages that say how to fix the field.
 */
export function issuesFromZod(input: unknown): {
  success: boolean;
  data: z.output<typeof IntegrationDefinitionSchema> | undefined;
  errors: DefinitionIssue[];
} {
  const result = IntegrationDefinitionSchema.safeParse(input, { error: errorMap });
  if (result.success) return { success: true, data: result.data, errors: [] };
  const seen = new Set<string>();
  const errors: DefinitionIssue[] = [];
  for (const issue of result.error.issues) {
    const segments = issue.path.filter(
      (s): s is string | number => typeof s === "string" || typeof s === "number",
    );
    const path = formatPath(segments);
    const at = lookup(input, segments);
    let code: string = issue.code;
    let message = issue.message;
    if (issue.code === "invalid_type" && (at.value === undefined || at.value === null)) {
      code = "required";
      const { description, example } = fieldHelp(segments);
      const lead = at.value === null ? "is empty" : "is required";
      message = description
        ? `${lead}. ${description}${example === undefined ? "" : ` Example: ${typeof example === "string" ? example : JSON.stringify(example)}`}`
        : `${lead}; ${issue.message}`;
    } else if (issue.code === "custom") {
      const params = (issue as { params?: { code?: unknown } }).params;
      if (typeof params?.code === "string") code = params.code;
    }
    const key = `${path}\u0000${code}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ path, message, code, severity: "error" });
  }
  return { success: false, data: undefined, errors };
}
