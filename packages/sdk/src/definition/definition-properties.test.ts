import { acme } from "@pcx/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ValidationResult } from "./definition-issue.js";
import { parseDefinitionText } from "./parse-definition-text.js";
import { serializeDefinition } from "./serialize-definition.js";
import { validateDefinition } from "./validate-definition.js";

/** Every error has a path, or is about the whole file; from text, every issue has a line. */
function wellFormed(result: ValidationResult<unknown>, fromText: boolean): void {
  expect(result.value === undefined).toBe(result.errors.length > 0);
  for (const issue of [...result.errors, ...result.warnings]) {
    expect(typeof issue.path).toBe("string");
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.code).toMatch(/^[a-z_]+$/);
    if (fromText) {
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.column).toBeGreaterThanOrEqual(1);
    }
  }
  for (const error of result.errors) {
    expect(error.severity).toBe("error");
    if (error.path === "") {
      expect(["invalid_type", "parse_error", "duplicate_key"]).toContain(error.code);
      if (fromText) expect(error.line).toBeGreaterThanOrEqual(1);
    }
  }
  for (const warning of result.warnings) expect(warning.severity).toBe("warning");
}

/** A path into acme(): every field, list element and nested field. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (typeof value === "object" && value !== null)
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

const ACME_PATHS = paths(acme()).filter((p) => p.length > 0);

/** acme() with the value at `path` replaced by `value` (or deleted when `value` is undefined). */
function mutate(path: (string | number)[], value: unknown): unknown {
  const root = acme() as Record<string | number, unknown>;
  let parent = root;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = value;
  return root;
}

const settings = { numRuns: 300 };

describe("validateDefinition and parseDefinitionText never throw", () => {
  it("on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        wellFormed(validateDefinition(value), false);
      }),
      settings,
    );
  });

  it("on arbitrary values, including ones JSON cannot express", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withNullPrototype: true,
          withSparseArray: true,
        }),
        (value) => {
          wellFormed(validateDefinition(value), false);
        },
      ),
      settings,
    );
  });

  it("on valid definitions with one field replaced or removed, reporting an error at that field or a parent", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACME_PATHS),
        fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.string()),
        (path, value) => {
          const result = validateDefinition(mutate(path, value));
          wellFormed(result, false);
          for (const error of result.errors) expect(error.path).not.toBe("");
        },
      ),
      settings,
    );
  });

  it("on arbitrary strings, as YAML and as JSON", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.constantFrom("json" as const, "yaml" as const),
        (text, format) => {
          wellFormed(parseDefinitionText(text, { format }), true);
        },
      ),
      settings,
    );
  });

  it("on mutated definition texts (characters deleted, inserted or replaced)", () => {
    const sources = [serializeDefinition(acme(), "yaml"), serializeDefinition(acme(), "json")];
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1),
        fc.nat(),
        fc.nat({ max: 5 }),
        fc.string({ maxLength: 6 }),
        (which, at, remove, insert) => {
          const source = sources[which]!;
          const start = at % source.length;
          const text = source.slice(0, start) + insert + source.slice(start + remove);
          wellFormed(parseDefinitionText(text, { format: which === 0 ? "yaml" : "json" }), true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("round-trips: serializeDefinition → parseDefinitionText gives the definition back", () => {
    const text = fc
      .string({ minLength: 10, maxLength: 60 })
      .filter((s) => s.trim().length >= 10 && s === s.trim());
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom("json" as const, "yaml" as const),
        (description, purpose, format) => {
          const definition = acme();
          definition.description = description;
          definition.technicalUser.rights[0]!.purpose = purpose;
          const result = parseDefinitionText(serializeDefinition(definition, format), { format });
          expect(result.errors).toEqual([]);
          expect(result.value).toEqual(definition);
        },
      ),
      settings,
    );
  });
});
