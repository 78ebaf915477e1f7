import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RIGHTS_CATALOGUE } from "../permissions/rights-catalogue.js";
import { definitionJsonSchema } from "./definition-json-schema.js";

type Schema = { properties: Record<string, Schema>; items: Schema; [key: string]: unknown };

describe("definitionJsonSchema", () => {
  const schema = definitionJsonSchema() as unknown as Schema;
  const user = schema.properties.technicalUser!;
  const right = user.properties.rights!.items.properties;

  it("matches packages/sdk/schema/integration-definition.schema.json (run `pnpm --filter @pcx/sdk build` to refresh)", () => {
    const committed = JSON.parse(
      readFileSync(
        new URL("../../schema/integration-definition.schema.json", import.meta.url),
        "utf8",
      ),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(definitionJsonSchema())));
  });

  it("describes every field, so editors show help", () => {
    const described = (s: Schema, path: string): string[] =>
      Object.entries(s.properties ?? {}).flatMap(([key, child]) => [
        ...(typeof child.description === "string" && child.description.length > 10
          ? []
          : [`${path}${key}`]),
        ...described(child, `${path}${key}.`),
        ...(child.items ? described(child.items, `${path}${key}[].`) : []),
      ]);
    expect(described(schema, "")).toEqual([]);
  });

  it("marks URLs with format uri, and the input view keeps defaulted fields optional", () => {
    expect(schema.properties.callbackUrl).toMatchObject({ type: "string", format: "uri" });
    expect(schema.properties.links!.properties.support).toMatchObject({ format: "uri" });
    expect(schema.properties.logoUrl).toMatchObject({ format: "uri" });
    expect(schema.required).toEqual([
      "name",
      "description",
      "links",
      "callbackUrl",
      "technicalUser",
    ]);
    expect(schema.properties.billing).toMatchObject({ default: "environment" });
    expect(schema.additionalProperties).toBeUndefined();
  });

  it("offers the catalogue's right keys for completion and still allows other keys", () => {
    const anyOf = right.right!.anyOf as { const?: string }[];
    expect(anyOf.map((option) => option.const).filter(Boolean)).toEqual(
      RIGHTS_CATALOGUE.map((e) => e.key),
    );
    expect(anyOf.at(-1)!.const).toBeUndefined();
    expect(right.level).toMatchObject({ enum: ["view", "all"] });
  });
});
