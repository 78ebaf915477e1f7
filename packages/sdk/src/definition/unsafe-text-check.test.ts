import { acme, UNSAFE_TERMINAL_TEXT } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { parseDefinitionText } from "./parse-definition-text.js";
import { validateDefinition } from "./validate-definition.js";

// biome-ignore lint/suspicious/noExplicitAny: tests break definitions on purpose, into any shape
type Mutable = Record<string, any>;

function check(change: (d: Mutable) => void) {
  const definition = acme() as Mutable;
  change(definition);
  return validateDefinition(definition);
}

describe("definition text fields refuse control and bidi characters (terminal injection)", () => {
  it("ESC, NUL and a bidi override in name, description, displayName and a purpose are errors naming the field", () => {
    const result = check((d) => {
      d.name = "Acme\x1b]0;pwned\x07 Sync";
      d.description = "Sends sales invoices\x00 from Acme Shop to Procountor.";
      d.technicalUser.displayName = "Acme \u202eenilno";
      d.technicalUser.rights[0].purpose = "Creates sales invoices \u2066from\u2069 shop orders.";
    });
    expect(result.value).toBeUndefined();
    const unsafe = result.errors.filter((e) => e.code === "unsafe_character");
    expect(unsafe.map((e) => e.path).sort()).toEqual([
      "description",
      "name",
      "technicalUser.displayName",
      "technicalUser.rights[0].purpose",
    ]);
    const byPath = Object.fromEntries(unsafe.map((e) => [e.path, e.message]));
    expect(byPath.name).toBe(
      "contains the control character U+001B ESC (escape) at character 5; remove it: control characters can change what a terminal or page shows",
    );
    expect(byPath.description).toContain("U+0000 NUL at character 21; remove it");
    expect(byPath["technicalUser.displayName"]).toBe(
      "contains the invisible bidirectional-text control U+202E RIGHT-TO-LEFT OVERRIDE at character 6; remove it: it makes the text display in another order than it is written",
    );
    expect(byPath["technicalUser.rights[0].purpose"]).toContain("U+2066 LEFT-TO-RIGHT ISOLATE");
  });

  it("refuses them in longDescription, the URLs and $schema too; DEL and C1 count", () => {
    const result = check((d) => {
      d.longDescription = "Line one.\nLine two\x7f.";
      d.callbackUrl = "https://acme.example/cb\x1b[2J";
      d.links.support = "https://acme.example/\x9bsupport";
      d.$schema = "./schema\u200f.json";
    });
    expect(
      result.errors
        .filter((e) => e.code === "unsafe_character")
        .map((e) => e.path)
        .sort(),
    ).toEqual(["$schema", "callbackUrl", "links.support", "longDescription"]);
  });

  it("allows line breaks and tabs in multi-line fields, not in one-line fields; a lone CR is refused", () => {
    const multi = check((d) => {
      d.longDescription = "First paragraph.\n\n\tSecond paragraph.";
      d.description = "Sends sales invoices\nfrom Acme Shop to Procountor.";
    });
    expect(multi.errors).toEqual([]);
    const oneLine = check((d) => {
      d.name = "Acme\nSync";
      d.technicalUser.rights[0].purpose = "Creates sales invoices\rfrom shop orders.";
    });
    expect(oneLine.errors).toEqual([
      expect.objectContaining({
        path: "name",
        code: "unsafe_character",
        message: "contains a line break (U+000A) at character 5; keep this field on one line",
      }),
      expect.objectContaining({
        path: "technicalUser.rights[0].purpose",
        message: expect.stringContaining("U+000D CR (carriage return) at character 23"),
      }),
    ]);
  });

  it("from YAML and JSON text: the issue has the field's line, and no message or path carries the raw character", () => {
    const yaml = parseDefinitionText(
      'name: "Acme \\e[2J Sync"\ndescription: "x"\n"\\u202eevil\\x1b": 1\n',
      { format: "yaml" },
    );
    expect(yaml.errors.find((e) => e.path === "name")).toMatchObject({
      code: "unsafe_character",
      line: 1,
    });
    const unknown = yaml.warnings.find((w) => w.code === "unknown_key");
    expect(unknown?.path).toBe('["\\u202eevil\\u001b"]');
    expect(unknown?.message).toContain('unknown field "\\u202eevil\\x1b"');
    const json = parseDefinitionText('{"name": "\\u001b]0;pwned\\u0007", "\\u009b2J": 1}', {
      format: "json",
    });
    expect(json.errors.find((e) => e.path === "name")?.code).toBe("unsafe_character");
    for (const issue of [...yaml.errors, ...yaml.warnings, ...json.errors, ...json.warnings]) {
      expect(issue.message).not.toMatch(UNSAFE_TERMINAL_TEXT);
      expect(issue.path).not.toMatch(UNSAFE_TERMINAL_TEXT);
    }
  });
});
