import { acme } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { parseDefinitionText } from "./parse-definition-text.js";
import { serializeDefinition } from "./serialize-definition.js";

const yaml = (text: string) => parseDefinitionText(text, { format: "yaml" });
const json = (text: string) =>
  parseDefinitionText(text, { format: "json", file: "pcx.integration.json" });

/** The Acme YAML with one line replaced (1-based line number, as an editor shows it). */
function acmeYaml(edit?: { line: number; text: string }): string {
  const lines = serializeDefinition(acme(), "yaml").split("\n");
  if (edit) lines[edit.line - 1] = edit.text;
  return lines.join("\n");
}

describe("parseDefinitionText (YAML)", () => {
  it("parses the Acme definition", () => {
    const result = yaml(acmeYaml());
    expect(result.errors).toEqual([]);
    expect(result.value).toEqual({ ...acme() });
  });

  it("puts validation issues on the line and column of the offending value", () => {
    const text = acmeYaml();
    const lines = text.split("\n");
    const levelLine = lines.findIndex((l) => l.includes("level: view")) + 1;
    const result = yaml(
      text.replace("level: view", "level: read").replace("name: Acme Invoice Sync", "name: A"),
    );
    expect(result.errors.map((e) => [e.path, e.line, e.column])).toEqual([
      ["name", 2, 7],
      ["technicalUser.rights[1].level", levelLine, 14],
    ]);
  });

  it("points a missing field at its parent's key, and the root at line 1", () => {
    const text = acmeYaml()
      .replace(/ {2}termsOfService: .*\n/, "")
      .replace(/callbackUrl: .*\n/, "");
    const result = yaml(text);
    const linksLine = text.split("\n").findIndex((l) => l.startsWith("links:")) + 1;
    expect(result.errors.map((e) => [e.path, e.code, e.line, e.column])).toEqual([
      ["callbackUrl", "required", 1, 1],
      ["links.termsOfService", "required", linksLine, 1],
    ]);
  });

  it("points a mapping value at its key and an unknown field at the key", () => {
    const text = `${acmeYaml()
      .replace("callbackUrl:", "callbackURL:")
      .replace("technicalUser:\n", "technicalUser: []\nx:\n")}colour:\n  - blue\n`;
    const lineOf = (start: string) => text.split("\n").findIndex((l) => l.startsWith(start)) + 1;
    const result = yaml(text);
    expect(result.errors.find((e) => e.path === "technicalUser")).toMatchObject({
      line: lineOf("technicalUser:"),
      column: 1,
    });
    expect(result.warnings.map((w) => [w.path, w.line, w.column])).toEqual([
      ["callbackURL", lineOf("callbackURL"), 1],
      ["x", lineOf("x:"), 1],
      ["colour", lineOf("colour"), 1],
    ]);
  });

  it("gives rights lint warnings the line of the right", () => {
    const text = acmeYaml().replace("right: business-partners", "right: business-partner");
    const line = text.split("\n").findIndex((l) => l.includes("business-partner")) + 1;
    expect(yaml(text).warnings).toEqual([
      expect.objectContaining({
        path: "technicalUser.rights[1].right",
        code: "unknown_right",
        line,
        column: 14,
      }),
    ]);
  });

  it("sorts issues by position", () => {
    const text = acmeYaml()
      .replace("level: view", "level: read")
      .replace("name: Acme Invoice Sync", "name: 5");
    const lines = yaml(text).errors.map((e) => e.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it("reports a YAML syntax error with its line and column, as the only error", () => {
    const result = yaml("name: Acme\ntechnicalUser:\n  rights: [\n    right: x\n");
    expect(result.value).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: "", code: "parse_error", severity: "error" });
    expect(result.errors[0]!.message).toMatch(/^the definition is not valid YAML: /);
    expect(result.errors[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it("reports a repeated key as duplicate_key on the second one", () => {
    const result = yaml("name: Acme\ndescription: x\nname: Other\n");
    expect(result.errors).toEqual([
      expect.objectContaining({ code: "duplicate_key", line: 3, column: 1 }),
    ]);
  });

  it("reports more than one document, and an alias bomb, without throwing", () => {
    expect(yaml("a: 1\n---\nb: 2\n").errors[0]).toMatchObject({ code: "parse_error", line: 2 });
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9)
          .fill(`*${i === 0 ? "a" : "bcdefghi"[i - 1]}`)
          .join(", ")}]`,
      );
    const result = yaml(bomb.join("\n"));
    expect(result.errors[0]).toMatchObject({ path: "", code: "parse_error", line: 1 });
  });

  it("treats an empty file as a root error on line 1", () => {
    expect(yaml("").errors).toEqual([
      expect.objectContaining({ path: "", code: "invalid_type", line: 1, column: 1 }),
    ]);
    expect(yaml("# just a comment\n").errors[0]).toMatchObject({ path: "", line: 1 });
  });

  it("reports a root that is not a mapping at its line, and YAML warnings as warnings", () => {
    const root = yaml("\n\n- a\n- b\n").errors;
    expect(root).toEqual([
      expect.objectContaining({ path: "", code: "invalid_type", line: 3, column: 1 }),
    ]);
    expect(root[0]!.message).toContain(
      "with at least name, description, links, callbackUrl, technicalUser; got a list",
    );
    const tagged = yaml(
      acmeYaml().replace("name: Acme Invoice Sync", "name: !custom Acme Invoice Sync"),
    );
    expect(tagged.errors).toEqual([]);
    expect(tagged.warnings).toEqual([
      expect.objectContaining({
        path: "",
        code: "yaml_warning",
        severity: "warning",
        line: 2,
        column: 7,
      }),
    ]);
  });

  it("ignores a byte-order mark when counting columns", () => {
    const result = yaml(`\uFEFF${acmeYaml().replace("name: Acme Invoice Sync", "name: A")}`);
    expect(result.errors[0]).toMatchObject({ path: "name", line: 2, column: 7 });
  });
});

describe("parseDefinitionText (JSON)", () => {
  const acmeJson = () => serializeDefinition(acme(), "json");

  it("parses the Acme definition", () => {
    expect(json(acmeJson())).toMatchObject({ errors: [], warnings: [], value: acme() });
  });

  it("puts validation issues on the line and column of the offending value", () => {
    const text = acmeJson().replace('"level": "view"', '"level": "read"');
    const line = text.split("\n").findIndex((l) => l.includes('"read"')) + 1;
    expect(json(text).errors).toEqual([
      expect.objectContaining({ path: "technicalUser.rights[1].level", line, column: 18 }),
    ]);
  });

  const syntax: [string, string, number, number, RegExp][] = [
    ["trailing comma in an object", '{\n  "name": "x",\n}', 3, 1, /remove the trailing comma/],
    ["trailing comma in an array", '{"a": [1,\n 2,\n ]}', 3, 2, /remove the trailing comma/],
    ["missing comma", '{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected "," or "}"/],
    ["comment", '{\n  // note\n  "a": 1\n}', 2, 3, /expected a key in double quotes/],
    ["single quotes", "{'a': 1}", 1, 2, /expected a key in double quotes/],
    ["unquoted value", '{"a": yes}', 1, 7, /expected a value/],
    ["unterminated string", '{"a": "x\n}', 1, 9, /line break or control character/],
    ["bad escape", '{"a": "\\x"}', 1, 8, /invalid escape/],
    ["text after the value", '{"a": 1} {"b": 2}', 1, 10, /after the end of the JSON value/],
    ["empty file", "", 1, 1, /expected a value/],
    ["unclosed object", '{"a": 1', 1, 8, /expected "," or "}", found end of file/],
    ["missing colon", '{"a" 1}', 1, 6, /expected ":" after the key/],
  ];
  it.each(syntax)(
    "reports a syntax error (%s) with its position",
    (_, text, line, column, message) => {
      const result = json(text);
      expect(result.value).toBeUndefined();
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ path: "", code: "parse_error", line, column });
      expect(result.errors[0]!.message).toMatch(/^pcx\.integration\.json is not valid JSON: /);
      expect(result.errors[0]!.message).toMatch(message);
    },
  );

  it("rejects repeated keys that JSON.parse would silently accept", () => {
    const result = json('{\n  "name": "a",\n  "name": "b"\n}');
    expect(result.errors).toEqual([
      expect.objectContaining({ code: "duplicate_key", line: 3, column: 3 }),
    ]);
  });

  it("accepts JSON that only the JSON grammar allows (tabs, escapes, long keys)", () => {
    const definition = { ...acme(), name: "Acme \u00e4 \ud83d\ude00" };
    const text = JSON.stringify(definition, null, "\t").replace("Acme ä", "Acme \\u00e4");
    expect(json(text).value?.name).toBe("Acme ä 😀");
    const long = json(JSON.stringify({ ...acme(), ["k".repeat(1500)]: 1 }));
    expect(long.errors).toEqual([]);
    expect(long.warnings[0]).toMatchObject({ code: "unknown_key", line: 1 });
  });
});
