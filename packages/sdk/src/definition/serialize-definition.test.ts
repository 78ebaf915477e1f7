import { acme } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEMA_REF, serializeDefinition } from "./serialize-definition.js";

describe("serializeDefinition", () => {
  it("writes YAML with $schema first and the fields in the documented order", () => {
    const { $schema: _, ...definition } = acme();
    const shuffled = Object.fromEntries(Object.entries(definition).reverse()) as typeof definition;
    const text = serializeDefinition(shuffled, "yaml");
    expect(text.split("\n")[0]).toBe(`$schema: ${DEFAULT_SCHEMA_REF}`);
    const keys = text
      .split("\n")
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(":")[0]);
    expect(keys).toEqual([
      "$schema",
      "name",
      "description",
      "logoUrl",
      "links",
      "callbackUrl",
      "billing",
      "maxConcurrentActivations",
      "technicalUser",
    ]);
    expect(text).toContain(
      "  rights:\n    - right: sales-invoices\n      level: all\n      purpose: Creates",
    );
    expect(text.endsWith("\n")).toBe(true);
  });

  it("keeps the definition's own $schema, or writes none with schema: false", () => {
    expect(serializeDefinition({ ...acme(), $schema: "x.json" }, "yaml")).toMatch(
      /^\$schema: x\.json\n/,
    );
    const { $schema: _, ...definition } = acme();
    expect(serializeDefinition(definition, "yaml", { schema: false })).toMatch(/^name: /);
  });

  it("writes indented JSON with $schema first", () => {
    const text = serializeDefinition(acme(), "json");
    expect(text.split("\n").slice(0, 2)).toEqual(["{", `  "$schema": "${acme().$schema}",`]);
    expect(JSON.parse(text)).toEqual(acme());
  });

  it("quotes YAML strings that would otherwise change type, and does not fold long lines", () => {
    const definition = {
      ...acme(),
      name: "yes",
      description: `${"long ".repeat(40)}: # not a comment`,
    };
    const text = serializeDefinition(definition, "yaml");
    expect(text).toContain(`description: "${"long ".repeat(40)}: # not a comment"`);
    expect(text.split("\n").filter((l) => l.startsWith("description")).length).toBe(1);
  });
});
