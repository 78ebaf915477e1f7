import { z } from "zod";
import { docsUrl } from "../docs/docs-url.js";
import { ApiErrorBodySchema } from "./common-schemas.js";
import { OAuthErrorSchema } from "./oauth-schemas.js";
import { type RouteSpec, routes } from "./routes.js";

type JsonObject = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as JsonObject;
  delete json.$schema;
  return json;
}

function parametersOf(route: RouteSpec): JsonObject[] {
  const out: JsonObject[] = [];
  for (const [where, object] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!object) continue;
    const json = schemaOf(object, "input") as {
      properties?: Record<string, JsonObject>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        schema,
      });
    }
  }
  if (route.idempotent) {
    out.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "Replays with the same key and body answer the first result; the same key with another body answers 409.",
      schema: { type: "string", maxLength: 255 },
    });
  }
  return out;
}

/**
 * The OpenAPI 3.1 document of the contract, generated from the route table
 * so it cannot drift from the code. Written to docs/openapi.json by
 * `pnpm --filter @pcx/sdk run openapi`; a test checks that file is current.
 */
export function openApiDocument(): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of Object.values(routes) as RouteSpec[]) {
    const errorSchema = route.auth === "client-credentials" ? OAuthErrorSchema : ApiErrorBodySchema;
    const operation: JsonObject = {
      operationId: route.operationId,
      summary: route.summary,
      "x-pcx-source": route.source,
      parameters: parametersOf(route),
      responses: {
        [String(route.successStatus)]: {
          description: "OK",
          content: { "application/json": { schema: schemaOf(route.response, "output") } },
        },
        default: {
          description: "Error",
          content: { "application/json": { schema: schemaOf(errorSchema, "output") } },
        },
      },
      ...(route.auth === "bearer" ? { security: [{ bearer: [] }] } : {}),
    };
    if (route.body) {
      const type =
        route.bodyEncoding === "form" ? "application/x-www-form-urlencoded" : "application/json";
      operation.requestBody = {
        required: true,
        content: { [type]: { schema: schemaOf(route.body, "input") } },
      };
    }
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, JsonObject>)[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Procountor integration activation API (as modelled by pcx)",
      version: "0.1.0",
      description:
        "Operations marked x-pcx-source: published follow Procountor's public documentation; " +
        `those marked modelled are pcx's model of the partner API, which Procountor does not publish. See ${docsUrl("contract")}.`,
    },
    servers: [
      { url: "https://api.procountor.com/api", description: "Production" },
      { url: "https://pts-api.procountor.com/api", description: "Public testing server (PTS)" },
      { url: "http://127.0.0.1:4010/api", description: "pcx sandbox" },
    ],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths,
  };
}
