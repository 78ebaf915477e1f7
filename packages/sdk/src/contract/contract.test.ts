import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPath, matchRoute, openApiDocument, routes } from "./index.js";

describe("route table", () => {
  it("builds and matches paths both ways", () => {
    const path = buildPath(routes.deactivate, { id: 12, companyId: 345 });
    expect(path).toBe("/integrations/12/activations/345/deactivate");
    const match = matchRoute("POST", path);
    expect(match && "route" in match && match.route.operationId).toBe("deactivate");
    expect(match && "params" in match && match.params).toEqual({ id: "12", companyId: "345" });
  });

  it("answers allowed methods for a known path with the wrong method", () => {
    expect(matchRoute("DELETE", "/integrations/1")).toEqual({ allowed: ["GET", "PUT"] });
    expect(matchRoute("GET", "/nope")).toBeUndefined();
  });

  it("throws pcx_usage naming a missing path parameter", () => {
    expect(() => buildPath(routes.getIntegration, {})).toThrow(
      expect.objectContaining({
        code: "pcx_usage",
        message: expect.stringMatching(/Missing path parameter "id"/),
      }),
    );
  });

  it("keeps a malformed escape as sent, so the parameter schema refuses it", () => {
    const match = matchRoute("GET", "/integrations/%E0%A4%A");
    expect(match && "params" in match && match.params).toEqual({ id: "%E0%A4%A" });
    expect(routes.getIntegration.params.safeParse({ id: "%E0%A4%A" }).success).toBe(false);
  });

  it("never throws on any method and path (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 60 }), (method, tail) => {
        for (const path of [tail, `/integrations/${tail}`, `/activation-requests/${tail}/approve`])
          matchRoute(method, path);
      }),
      { numRuns: 500 },
    );
  });

  it("gives every mutating route an idempotency key", () => {
    for (const route of Object.values(routes)) {
      if (route.method === "GET" || route.path === "/oauth/token") continue;
      expect(route.idempotent, route.operationId).toBe(true);
    }
  });
});

describe("OpenAPI document", () => {
  it("lists every route and matches docs/openapi.json (run `pnpm --filter @pcx/sdk openapi` to refresh)", () => {
    const doc = openApiDocument() as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const ids = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).map((op) => op.operationId),
    );
    expect(ids.sort()).toEqual(Object.keys(routes).sort());
    const committed = JSON.parse(
      readFileSync(new URL("../../../../docs/openapi.json", import.meta.url), "utf8"),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
