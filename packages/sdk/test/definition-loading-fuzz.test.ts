// Definition loading under hostile input (issue 10): deep, huge, alias bombs,
// duplicate keys, prototype keys and control characters, as YAML and JSON.
// Every answer must be a clear issue list within BOUND_MS, never a throw,
// never an internal error, and Object.prototype must stay untouched.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type DefinitionFormat,
  type IntegrationDefinitionInput,
  loadDefinition,
  MAX_DEFINITION_LENGTH,
  MAX_DEFINITION_SEPARATORS,
  parseDefinitionText,
  serializeDefinition,
  type ValidationResult,
} from "@pcx/sdk";
import { acme, UNSAFE_TERMINAL_TEXT } from "@pcx/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/** Each parse must answer within this (generous: the machine is shared; a typical case takes < 5 ms). */
const BOUND_MS = 500;

const FORMATS: readonly DefinitionFormat[] = ["yaml", "json"];
const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];
const FIELD_KEYS = ["name", "description", "technicalUser", "rights", "links", "billing"];
const CONTROLS = ["\x1b]0;pwned\x07", "\x1b[2J", "\x00", "\x7f", "\x9b", "\u202e", "\u2066", "\r"];

const objectProtoNames = Object.getOwnPropertyNames(Object.prototype).join();
const arrayProtoNames = Object.getOwnPropertyNames(Array.prototype).join();

let slowest = 0;

/** Parses with a stopwatch and checks everything every answer must satisfy. */
function load(text: string, format: DefinitionFormat): ValidationResult<unknown> {
  const started = performance.now();
  let result: ValidationResult<unknown> | undefined;
  expect(() => {
    result = parseDefinitionText(text, { format, file: "fuzz.txt" });
  }).not.toThrow();
  const elapsed = performance.now() - started;
  slowest = Math.max(slowest, elapsed);
  expect(elapsed, `parse took ${elapsed.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
  const { value, errors, warnings } = result!;
  // Plain checks collected into one assertion: thousands of expect() calls per run add up.
  const problems: string[] = [];
  if (!Array.isArray(errors) || !Array.isArray(warnings)) problems.push("issues are not lists");
  if ((value === undefined) !== errors.length > 0)
    problems.push("value set with errors, or neither");
  for (const issue of [...errors, ...warnings]) {
    const where = `${issue.code} at ${JSON.stringify(issue.path)}`;
    if (!/^[a-z_]+$/.test(issue.code)) problems.push(`bad code: ${where}`);
    if (issue.code === "internal_error") problems.push(`internal error: ${issue.message}`);
    if (issue.message.length === 0) problems.push(`empty message: ${where}`);
    if (UNSAFE_TERMINAL_TEXT.test(issue.message)) problems.push(`unsafe message: ${where}`);
    if (UNSAFE_TERMINAL_TEXT.test(issue.path)) problems.push(`unsafe path: ${where}`);
    if (!(issue.line !== undefined && issue.line >= 1)) problems.push(`no line: ${where}`);
  }
  if (value !== undefined && /\\u001b|\\u0000/.test(JSON.stringify(value))) {
    problems.push("a valid value holds ESC or NUL");
  }
  // No prototype pollution, whatever the keys were.
  if (Object.getOwnPropertyNames(Object.prototype).join() !== objectProtoNames) {
    problems.push("Object.prototype changed");
  }
  if (Object.getOwnPropertyNames(Array.prototype).join() !== arrayProtoNames) {
    problems.push("Array.prototype changed");
  }
  if (({} as Record<string, unknown>).polluted !== undefined) problems.push("polluted");
  expect(problems).toEqual([]);
  return result!;
}

/** A value as YAML: block mapping at the top, JSON (which is YAML) flow style inside. */
function yamlOf(entries: [string, unknown][]): string {
  return entries
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join("\n");
}

/** A JSON object text from entries, keys written as given (repeats and `__proto__` included). */
function jsonOf(entries: [string, unknown][]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(", ")}}`;
}

const hostileString = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...CONTROLS), fc.string({ maxLength: 20 }))
  .map(([a, c, b]) => `${a}${c}${b}`);
const leaf = fc.oneof(hostileString, fc.string({ unit: "binary", maxLength: 30 }), fc.integer());
const key = fc.oneof(
  fc.constantFrom(...PROTO_KEYS, ...FIELD_KEYS),
  fc.string({ maxLength: 8 }),
  hostileString,
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("node"), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie("node")), { maxLength: 4 }).map((entries) => {
      // Built with defineProperty so that a generated "__proto__" is a real own key.
      const object: Record<string, unknown> = {};
      for (const [k, v] of entries) {
        Object.defineProperty(object, k, {
          value: v,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return object;
    }),
  ),
})).node;
const entries = fc.array(fc.tuple(key, value), { maxLength: 8 });

describe("definition loading fuzz (YAML and JSON)", () => {
  it("arbitrary documents with prototype keys, repeated keys and control characters: issues, never a throw", () => {
    fc.assert(
      fc.property(entries, fc.constantFrom(...FORMATS), (list, format) => {
        load(format === "json" ? jsonOf(list) : yamlOf(list), format);
      }),
      { numRuns: 200 },
    );
  });

  it("a control or bidi character in any text field of a valid definition is an unsafe_character error at that field", () => {
    const fields: [string, (d: IntegrationDefinitionInput, s: string) => void][] = [
      ["name", (d, s) => (d.name = `Acme ${s} Sync`)],
      ["description", (d, s) => (d.description = `Sends sales invoices ${s} to Procountor.`)],
      ["longDescription", (d, s) => (d.longDescription = `More ${s} text.`)],
      ["technicalUser.displayName", (d, s) => (d.technicalUser.displayName = `Acme ${s} Sync`)],
      [
        "technicalUser.rights[1].purpose",
        (d, s) => (d.technicalUser.rights[1]!.purpose = `Looks up ${s} customers.`),
      ],
      ["callbackUrl", (d, s) => (d.callbackUrl = `https://acme.example/cb${s}`)],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.constantFrom(...CONTROLS),
        fc.constantFrom(...FORMATS),
        ([path, set], control, format) => {
          const definition = acme();
          set(definition, control);
          const result = load(serializeDefinition(definition, format), format);
          expect(result.errors).toContainEqual(
            expect.objectContaining({ path, code: "unsafe_character" }),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("deep nesting (flow, block and JSON, up to 20,000 levels) is an issue, quickly", () => {
    const deep = fc.record({
      // Mostly under the separator limit (so the parser itself meets the depth), some far over.
      depth: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: MAX_DEFINITION_SEPARATORS - 10 }), weight: 3 },
        { arbitrary: fc.integer({ min: MAX_DEFINITION_SEPARATORS, max: 20_000 }), weight: 1 },
      ),
      shape: fc.constantFrom("flow-seq", "flow-map", "block-map", "block-seq"),
      format: fc.constantFrom(...FORMATS),
    });
    fc.assert(
      fc.property(deep, ({ depth, shape, format }) => {
        let inner: string;
        if (format === "json" || shape.startsWith("flow")) {
          inner = shape.endsWith("seq")
            ? `${"[".repeat(depth)}1${"]".repeat(depth)}`
            : `${'{"a": '.repeat(depth)}1${"}".repeat(depth)}`;
          const text = format === "json" ? `{"name": ${inner}}` : `name: ${inner}`;
          const result = load(text, format);
          expect(result.errors.length).toBeGreaterThan(0);
        } else {
          // Block nesting needs an indent per level: 400 levels is already 80,000 characters.
          const levels = Math.min(depth, 400);
          const line = (i: number) => `${" ".repeat(i)}${shape === "block-seq" ? "-" : "a:"}`;
          const text = `name:\n${Array.from({ length: levels }, (_, i) => line(i + 1)).join("\n")} 1`;
          expect(load(text, format).errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("alias bombs (billion laughs) are refused without expanding them", () => {
    const bomb = fc.record({
      levels: fc.integer({ min: 1, max: 12 }),
      width: fc.integer({ min: 2, max: 12 }),
      mergeKeys: fc.boolean(),
    });
    fc.assert(
      fc.property(bomb, ({ levels, width, mergeKeys }) => {
        const lines = ["a0: &a0 [lol, lol]"];
        for (let i = 1; i <= levels; i++) {
          lines.push(
            `a${i}: &a${i} [${Array(width)
              .fill(`*a${i - 1}`)
              .join(", ")}]`,
          );
        }
        if (mergeKeys) lines.push(`m: &m {__proto__: {polluted: yes}}`, `n: {<<: *m}`);
        const result = load(lines.join("\n"), "yaml");
        // The definition fields are missing anyway; what matters is the bound and no throw.
        expect(result.errors.length).toBeGreaterThan(0);
        if (width ** levels > 100) {
          expect(result.errors.some((e) => e.code === "parse_error")).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a repeated key anywhere in a valid definition is a duplicate_key error", () => {
    const keys = ["name", "description", "callbackUrl", "billing", "__proto__", "constructor"];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.constantFrom(...FORMATS), (repeated, format) => {
        const text = serializeDefinition(acme(), format);
        const extra =
          format === "json"
            ? text.replace(
                /^\{/,
                `{\n  ${JSON.stringify(repeated)}: "x",\n  ${JSON.stringify(repeated)}: "y",`,
              )
            : `${text}\n${repeated}: x\n${repeated}: y\n`;
        const result = load(extra, format);
        expect(result.errors.some((e) => e.code === "duplicate_key")).toBe(true);
      }),
      { numRuns: 130 },
    );
  });

  it("arbitrary text, controls and all, as YAML and as JSON", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 400 }),
        fc.constantFrom(...FORMATS),
        (text, format) => {
          load(text, format);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("huge documents: over the limits one too_large issue at once; just under, an answer in time", () => {
    const huge = fc.record({
      shape: fc.constantFrom("long-string", "many-lines", "flow-items", "json-items"),
      scale: fc.double({ min: 0.5, max: 3, noNaN: true }),
    });
    fc.assert(
      fc.property(huge, ({ shape, scale }) => {
        let text: string;
        let format: DefinitionFormat = "yaml";
        if (shape === "long-string") {
          text = `name: ${"x".repeat(Math.floor(MAX_DEFINITION_LENGTH * scale))}`;
        } else {
          const n = Math.floor(MAX_DEFINITION_SEPARATORS * scale);
          if (shape === "many-lines")
            text = Array.from({ length: n }, (_, i) => `k${i}: v`).join("\n");
          else if (shape === "flow-items") text = `items: [${"1,".repeat(n)}1]`;
          else {
            format = "json";
            text = `{"items": [${"1,".repeat(n)}1]}`;
          }
        }
        const result = load(text, format);
        const over =
          text.length > MAX_DEFINITION_LENGTH ||
          (text.match(/[\n,[{]/g)?.length ?? 0) > MAX_DEFINITION_SEPARATORS;
        expect(result.errors.some((e) => e.code === "too_large")).toBe(over);
      }),
      { numRuns: 24 },
    );
  });

  it("loadDefinition refuses a file over the limit without reading it, and reports the bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pcx-fuzz-"));
    try {
      const file = join(dir, "pcx.integration.yaml");
      writeFileSync(file, `name: ${"x".repeat(3 * MAX_DEFINITION_LENGTH + 10)}\n`);
      const loaded = await loadDefinition(file);
      expect(loaded.errors).toEqual([
        expect.objectContaining({
          code: "too_large",
          line: 1,
          message: expect.stringMatching(/pcx\.integration\.yaml is too large .*\d+ bytes/),
        }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // A summary for whoever tunes BOUND_MS.
    expect(slowest).toBeLessThan(BOUND_MS);
  });
});
