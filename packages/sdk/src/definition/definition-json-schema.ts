import { z } from "zod";
import { RIGHTS_CATALOGUE } from "../permissions/rights-catalogue.js";
import { IntegrationDefinitionSchema } from "./integration-definition-schema.js";

type JsonObject = Record<string, unknown>;

function child(schema: unknown, ...path: string[]): JsonObject | undefined {
  let current = schema;
  for (const key of path) {
    current =
      typeof current === "object" && current !== null ? (current as JsonObject)[key] : undefined;
  }
  return typeof current === "object" && current !== null ? (current as JsonObject) : undefined;
}

/**
 * The JSON Schema (draft 2020-12) of the definition file as written (zod's
 * "input" view: fields with defaults are optional), with the field
 * descriptions and examples editors show as help, and `format: "uri"` on URLs.
 * The `right` field lists the catalogue's keys (`anyOf` of `const`s with their
 * labels) so editors complete them, and still accepts other kebab-case keys.
 *
 * The package ships it as `@pcx/sdk/schema/integration-definition.schema.json`
 * (written by `scripts/write-json-schema.mjs` during the build); point a
 * definition's `$schema` at it. Unknown fields are not rejected here, as
 * `validateDefinition` only warns about them. Checks JSON Schema cannot
 * express (https-only URLs, duplicate rights) are left to `pcx validate`.
 */
export function definitionJsonSchema(): JsonObject {
  const schema = z.toJSONSchema(IntegrationDefinitionSchema, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as JsonObject;
  const right = child(
    schema,
    "properties",
    "technicalUser",
    "properties",
    "rights",
    "items",
    "properties",
    "right",
  );
  if (right) {
    right.anyOf = [
      ...RIGHTS_CATALOGUE.map((entry) => ({
        const: entry.key,
        description: `${entry.label.en} / ${entry.label.fi}. view: ${entry.levels.view.en} all: ${entry.levels.all.en}`,
      })),
      { description: "A right not in pcx's catalogue (allowed, with a warning)." },
    ];
  }
  return schema;
}
