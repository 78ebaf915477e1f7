import type { RightInfo } from "../../packages/sdk/src/permissions/right-info.js";
import { RIGHT_GROUP_LABELS } from "../../packages/sdk/src/permissions/right-info.js";
import { cell, code, table } from "./generated-section.js";

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeOf(schema: JsonObject): string {
  if (Array.isArray(schema.enum))
    return schema.enum.map((v) => code(JSON.stringify(v))).join(" \\| ");
  if (schema.type === "string" && schema.format === "uri") return "URL";
  if (schema.type === "array") return "list";
  return typeof schema.type === "string" ? schema.type : "any";
}

function limitsOf(schema: JsonObject): string {
  const limits: string[] = [];
  if (schema.format === "uri") limits.push("https (http only for localhost)");
  const range = (min: unknown, max: unknown, unit: string) => {
    if (min !== undefined && max !== undefined) limits.push(`${min}–${max}${unit}`);
    else if (min !== undefined) limits.push(`at least ${min}${unit}`);
    else if (max !== undefined) limits.push(`at most ${max}${unit}`);
  };
  range(schema.minLength, schema.maxLength, " characters");
  range(schema.minimum, schema.maximum, "");
  range(schema.minItems, schema.maxItems, " entries");
  if (typeof schema.pattern === "string") limits.push(`matches ${code(schema.pattern)}`);
  if (schema.default !== undefined) limits.push(`default ${code(JSON.stringify(schema.default))}`);
  return limits.join("; ");
}

function exampleOf(schema: JsonObject): string {
  const examples = Array.isArray(schema.examples) ? schema.examples : [];
  return examples.length > 0 ? code(String(examples[0])) : "";
}

function rows(schema: JsonObject, prefix: string): string[][] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties).flatMap(([key, value]) => {
    if (!isObject(value)) return [];
    const path = `${prefix}${key}`;
    const own = [
      code(path),
      typeOf(value),
      required.has(key) ? "yes" : "no",
      cell(limitsOf(value)),
      cell(typeof value.description === "string" ? value.description : ""),
      exampleOf(value),
    ];
    const items = isObject(value.items) ? value.items : undefined;
    const nested =
      value.type === "object"
        ? rows(value, `${path}.`)
        : items?.type === "object"
          ? rows(items, `${path}[].`)
          : [];
    return [own, ...nested];
  });
}

/** The field table of the definition file, from its JSON Schema (`definitionJsonSchema()`). */
export function renderDefinitionFields(schema: JsonObject): string {
  return table(["field", "type", "required", "limits", "what it is", "example"], rows(schema, ""));
}

/** The rights catalogue's two tables (English with the facts, then the Finnish texts). */
export function renderRightsCatalogue(catalogue: readonly RightInfo[]): string {
  const english = table(
    ["key", "English", "Finnish", "group", "risk", "`view`", "`all`", "named publicly", "fi from"],
    catalogue.map((r) => [
      code(r.key),
      cell(r.label.en),
      cell(r.label.fi),
      RIGHT_GROUP_LABELS[r.group].en,
      r.risk === "high" ? "**high**" : "normal",
      cell(r.levels.view.en),
      cell(r.levels.all.en),
      r.documented ? "yes" : "no",
      r.fiLabelSource === "procountor" ? "Procountor" : "pcx",
    ]),
  );
  const finnish = table(
    ["key", "`view` (fi)", "`all` (fi)"],
    catalogue.map((r) => [r.key, cell(r.levels.view.fi), cell(r.levels.all.fi)]),
  );
  return `${english}\n\nIn Finnish, as customers with a Finnish UI read them:\n\n${finnish}`;
}
