import { stringify } from "yaml";
import type { IntegrationDefinitionInput } from "./integration-definition-schema.js";
import type { DefinitionFormat } from "./parse-definition-text.js";

/**
 * The `$schema` that `serializeDefinition` writes when the definition has
 * none: where the JSON Schema sits when @pcx/sdk is installed in the project
 * next to the definition file.
 */
export const DEFAULT_SCHEMA_REF =
  "./node_modules/@pcx/sdk/schema/integration-definition.schema.json";

/** Options of `serializeDefinition`. */
export interface SerializeDefinitionOptions {
  /**
   * The `$schema` to write when the definition has none; `false` writes none.
   * Default: DEFAULT_SCHEMA_REF.
   */
  schema?: string | false;
}

// The order of the fields in the file: the order docs/definition.md documents them in.
const ROOT_ORDER = [
  "$schema",
  "name",
  "description",
  "longDescription",
  "logoUrl",
  "links",
  "callbackUrl",
  "billing",
  "maxConcurrentActivations",
  "technicalUser",
];
const ORDERS: Record<string, string[]> = {
  links: ["privacyPolicy", "termsOfService", "support"],
  technicalUser: ["username", "displayName", "rights"],
  right: ["right", "level", "purpose"],
};

/** A copy of `object` with `order`'s keys first (in that order), other keys after, undefined values dropped. */
function ordered(
  object: Record<string, unknown>,
  order: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...order, ...Object.keys(object).filter((k) => !order.includes(k))]) {
    if (object[key] !== undefined) out[key] = object[key];
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The text of a definition file, for `pcx init` and tools that rewrite the
 * file: fields in the documented order with `$schema` first, two-space
 * indentation, no line folding, ending with a newline. YAML (`"yaml"`) or
 * JSON (`"json"`). Parsing the result with `parseDefinitionText` gives the
 * same definition back.
 */
export function serializeDefinition(
  definition: IntegrationDefinitionInput,
  format: DefinitionFormat,
  options: SerializeDefinitionOptions = {},
): string {
  const source = definition as Record<string, unknown>;
  const schema = options.schema ?? DEFAULT_SCHEMA_REF;
  const root = ordered(
    { ...source, $schema: source.$schema ?? (schema === false ? undefined : schema) },
    ROOT_ORDER,
  );
  if (isObject(root.links)) root.links = ordered(root.links, ORDERS.links!);
  if (isObject(root.technicalUser)) {
    const user = ordered(root.technicalUser, ORDERS.technicalUser!);
    if (Array.isArray(user.rights)) {
      user.rights = user.rights.map((r) => (isObject(r) ? ordered(r, ORDERS.right!) : r));
    }
    root.technicalUser = user;
  }
  if (format === "json") return `${JSON.stringify(root, null, 2)}\n`;
  return stringify(root, { indent: 2, lineWidth: 0, minContentWidth: 0 });
}
