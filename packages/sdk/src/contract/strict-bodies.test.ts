import { acme } from "@pcx/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ApproveBodySchema,
  CANONICAL_ID_MESSAGE,
  CallbackQuerySchema,
  CreateIntegrationBodySchema,
  canonicalId,
  MAX_STATE_LENGTH,
  RejectBodySchema,
  type RouteSpec,
  routes,
  SetLimitsBodySchema,
} from "./index.js";

/** Every object reachable in `schema` (through optional, nullable, default, array and pipe input). */
function objectsIn(schema: z.ZodType, seen = new Set<z.ZodType>()): z.ZodObject[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown>;
  if (schema instanceof z.ZodObject) {
    return [
      schema,
      ...Object.values(schema.shape as Record<string, z.ZodType>).flatMap((v) =>
        objectsIn(v, seen),
      ),
    ];
  }
  if (schema instanceof z.ZodArray) return objectsIn(schema.element as z.ZodType, seen);
  if (schema instanceof z.ZodPipe) return objectsIn(def.in as z.ZodType, seen);
  if ("innerType" in def) return objectsIn(def.innerType as z.ZodType, seen);
  return [];
}

describe("request bodies are strict", () => {
  it("every route body refuses unknown keys at every level, except the OAuth token form", () => {
    const bodies = (Object.values(routes) as RouteSpec[]).filter((route) => route.body);
    expect(bodies.length).toBeGreaterThanOrEqual(6);
    for (const route of bodies) {
      const objects = objectsIn(route.body as z.ZodType);
      expect(objects.length, route.operationId).toBeGreaterThan(0);
      for (const object of objects) {
        const strict = object._zod.def.catchall instanceof z.ZodNever;
        // RFC 6749 §3.1: a token endpoint ignores parameters it does not know.
        expect(strict, route.operationId).toBe(route.operationId !== "getToken");
      }
    }
  });

  it("names a misspelt approve field and suggests the right one", () => {
    const result = ApproveBodySchema.safeParse({ enviroments: [1007] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: "unrecognized_keys",
        keys: ["enviroments"],
        path: [],
        message: 'unknown field "enviroments"; did you mean "environments"?',
      }),
    ]);
    expect(ApproveBodySchema.parse({})).toEqual({});
    expect(ApproveBodySchema.parse({ environments: [1, 2] })).toEqual({ environments: [1, 2] });
  });

  it("lists the fields when nothing is close", () => {
    const result = RejectBodySchema.safeParse({ reason: "No account.", zzz: 1, qqq: 2 });
    expect(result.error?.issues[0]?.message).toBe(
      'unknown fields "zzz", "qqq"; the fields here are reason, environments',
    );
    expect(SetLimitsBodySchema.safeParse({ maxConcurrentActivations: 3, max: 4 }).success).toBe(
      false,
    );
  });

  it("finds an unknown key deep in the definition, keeps the definition's own checks, drops $schema", () => {
    const { $schema: _, ...definition } = acme();
    const rights = definition.technicalUser.rights.map((right, index) =>
      index === 0 ? { ...right, levl: "all" } : right,
    );
    const deep = CreateIntegrationBodySchema.safeParse({
      definition: { ...definition, technicalUser: { ...definition.technicalUser, rights } },
    });
    expect(deep.error?.issues).toEqual([
      expect.objectContaining({
        path: ["definition", "technicalUser", "rights", 0],
        keys: ["levl"],
        message: 'unknown field "levl"; did you mean "level"?',
      }),
    ]);
    const links = CreateIntegrationBodySchema.safeParse({
      definition: { ...definition, links: { ...definition.links, privacy: "https://a.example/p" } },
    });
    expect(links.error?.issues[0]?.message).toMatch(/unknown field "privacy"/);
    const short = CreateIntegrationBodySchema.safeParse({
      definition: { ...definition, name: "A" },
    });
    expect(short.error?.issues[0]).toMatchObject({
      path: ["definition", "name"],
      message: "give the integration a name (2 to 80 characters)",
    });
    const parsed = CreateIntegrationBodySchema.parse({
      definition: { $schema: "./schema.json", ...definition },
    });
    expect(parsed.definition).not.toHaveProperty("$schema");
    expect(parsed.definition.name).toBe(definition.name);
  });

  it("never throws and never lets an unknown key through (property)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })),
        (body) => {
          const result = ApproveBodySchema.safeParse(body);
          const unknown = Object.keys(body).filter((key) => key !== "environments");
          if (unknown.length > 0) {
            expect(result.success).toBe(false);
            const named = result.error?.issues.flatMap((issue) =>
              issue.code === "unrecognized_keys" ? issue.keys : [],
            );
            expect(named?.sort()).toEqual(unknown.sort());
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("CallbackQuerySchema", () => {
  it("takes the request id and an optional state, and leaves the integrator's own parameters alone", () => {
    expect(
      CallbackQuerySchema.parse({ activationRequestId: "12", state: "v2.k.x.y", mine: "1" }),
    ).toEqual({ activationRequestId: 12, state: "v2.k.x.y" });
    expect(CallbackQuerySchema.parse({ activationRequestId: "7" })).toEqual({
      activationRequestId: 7,
    });
    expect(CallbackQuerySchema.safeParse({ activationRequestId: "x" }).success).toBe(false);
    expect(CallbackQuerySchema.safeParse({ activationRequestId: "0" }).success).toBe(false);
    const long = { activationRequestId: "1", state: "s".repeat(MAX_STATE_LENGTH + 1) };
    expect(CallbackQuerySchema.safeParse(long).success).toBe(false);
    long.state = "s".repeat(MAX_STATE_LENGTH);
    expect(CallbackQuerySchema.safeParse(long).success).toBe(true);
  });

  it("reads the request id only in canonical decimal, like the sandbox's path ids", () => {
    const id = (text: string) => CallbackQuerySchema.safeParse({ activationRequestId: text });
    for (const text of [" 1", "1 ", "1.0", "0x1", "01", "+1", "1e0", "%31", "1_0", "١"]) {
      expect(id(text).success, JSON.stringify(text)).toBe(false);
    }
    const refused = id("1.0");
    expect(refused.success || refused.error.issues[0]).toMatchObject({
      path: ["activationRequestId"],
      message: CANONICAL_ID_MESSAGE,
    });
    expect(id("9007199254740991").data?.activationRequestId).toBe(Number.MAX_SAFE_INTEGER);
    expect(id("9007199254740992").success).toBe(false);
    // Any text: accepted exactly when it is the decimal spelling of a positive safe integer.
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 20 }), fc.integer({ min: -3, max: 1e9 }).map(String)),
        (text) => {
          const n = Number(text);
          const canonical = Number.isSafeInteger(n) && n > 0 && String(n) === text;
          expect(id(text).success).toBe(canonical);
          if (canonical) expect(id(text).data?.activationRequestId).toBe(n);
          expect(canonicalId(text)).toBe(canonical ? n : undefined);
        },
      ),
      { numRuns: 500 },
    );
  });
});
