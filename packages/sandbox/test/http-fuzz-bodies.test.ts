// Fuzz over real HTTP: bodies of every shape, type, depth and size on the API, the token
// endpoint and the admin routes. Bad input is a 4xx in Procountor's shape and changes nothing.
import fc from "fast-check";
import { describe, it } from "vitest";
import { contentTypes, jsonBodies } from "./http-fuzz-arbitraries.js";
import { checkAnswer, type FuzzRequest } from "./http-fuzz-kit.js";
import { fuzzOverHttp } from "./http-fuzz-property.js";

/** A POST of `body` as `type` to `target`, with no other header. */
function post(target: string, type: string, body: Buffer): FuzzRequest {
  return { method: "POST", target, headers: [["Content-Type", type]], body };
}

/** Ids that name nothing, or nothing canonically: no fuzz case may reach a real resource. */
const badIds = fc.constantFrom(
  "999999",
  "0",
  "-1",
  "1e0",
  "0x1",
  "01",
  "%31",
  "%zz",
  "abc",
  "%E2%82%AC",
  "1.0",
  "9".repeat(30),
  "%20",
  "1%00",
);

/** Idempotency keys, fine and not (header values carry latin1 at most). */
const keys = fc.option(
  fc.oneof(
    fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 40 }).map((k) => k.trim() || "k"),
    fc.constantFrom("k".repeat(256), "\u00e4\u00e4", "a,b"),
  ),
  { nil: undefined },
);

/** A JSON text with unicode strings as well as the kit's odd bodies. */
const bodies = fc.oneof(
  jsonBodies,
  fc
    .jsonValue({ maxDepth: 3, stringUnit: "grapheme" })
    .map((value) => Buffer.from(JSON.stringify(value) ?? "null")),
);

describe("fuzz: bodies over real HTTP", () => {
  const apiRoutes = {
    "submitting definitions and limits": fc.oneof(
      fc.constant<[string, string]>(["POST", "/api/integrations"]),
      badIds.map((id): [string, string] => ["PUT", `/api/integrations/${id}`]),
      badIds.map((id): [string, string] => ["PUT", `/api/integrations/${id}/limits`]),
    ),
    "decisions and deactivation": fc.oneof(
      badIds.map((id): [string, string] => ["POST", `/api/activation-requests/${id}/approve`]),
      badIds.map((id): [string, string] => ["POST", `/api/activation-requests/${id}/reject`]),
      fc
        .tuple(badIds, badIds)
        .map(([id, company]): [string, string] => [
          "POST",
          `/api/integrations/${id}/activations/${company}/deactivate`,
        ]),
    ),
  };
  for (const [name, route] of Object.entries(apiRoutes)) {
    it(`API, ${name}: 275 bodies (types, shapes, depth, keys), all refused, nothing changed`, async () => {
      await fuzzOverHttp(275, (t, http) => {
        return fc.asyncProperty(
          route,
          contentTypes,
          bodies,
          keys,
          async ([method, target], type, body, key) => {
            const request: FuzzRequest = {
              method,
              target,
              headers: [
                ["Authorization", `Bearer ${t.token}`],
                ["Content-Type", type],
                ...(key === undefined ? [] : [["Idempotency-Key", key] as [string, string]]),
              ],
              body,
            };
            checkAnswer(false, request, await http.send(request), true);
          },
        );
      });
    });
  }

  it("token endpoint: 200 odd token requests answered in OAuth's shape", async () => {
    await fuzzOverHttp(200, (_t, http) => {
      const field = fc.constantFrom(
        "grant_type",
        "client_id",
        "client_secret",
        "api_key",
        "scope",
        "",
      );
      const value = fc.oneof(
        fc.constantFrom("client_credentials", "password", "pcx-sandbox", "", "%zz", "\u00e4"),
        fc.string({ unit: "grapheme", maxLength: 20 }),
      );
      const form = fc
        .array(fc.tuple(field, value), { maxLength: 6 })
        .map((pairs) => Buffer.from(new URLSearchParams(pairs).toString()));
      return fc.asyncProperty(contentTypes, fc.oneof(form, bodies), async (type, body) => {
        const request = post("/api/oauth/token", type, body);
        checkAnswer(true, request, await http.send(request), true);
      });
    });
  });

  it("admin routes: 400 bodies (types, shapes, depth), never a 5xx, nothing changed", async () => {
    await fuzzOverHttp(400, (_t, http) => {
      // [method, target, must refuse]: /expire and /oauth/introspect may rightly answer 200.
      // No generated body is a clock step ({"ms": n} or {"by": "16m"} alone) or a new customer
      // ({"companies": n} alone: fast-check's keys are random strings), so both refuse all.
      const route = fc.oneof(
        fc.constant<[string, boolean]>(["/sandbox/clock", true]),
        fc.constant<[string, boolean]>(["/sandbox/customers", true]),
        badIds.map((id): [string, boolean] => [`/sandbox/integrations/${id}/review`, true]),
        fc.constant<[string, boolean]>(["/sandbox/activation-requests", true]),
        fc.constant<[string, boolean]>(["/sandbox/update-requests", true]),
        fc.constant<[string, boolean]>(["/sandbox/oauth/introspect", false]),
        fc.constant<[string, boolean]>(["/sandbox/expire", false]),
      );
      return fc.asyncProperty(route, contentTypes, bodies, async ([target, refuse], type, body) => {
        const request = post(target, type, body);
        checkAnswer(false, request, await http.send(request), refuse);
      });
    });
  });

  it("sizes around the limits on every group: 36 bodies, 413 past the limit, the connection usable after", async () => {
    await fuzzOverHttp(36, (t, http) => {
      const sizes = fc.constantFrom(
        0,
        1,
        65_535,
        65_536,
        65_537,
        999_999,
        1_000_000,
        1_000_001,
        1_400_000,
      );
      const targets = fc.constantFrom(
        { target: "/api/integrations", type: "application/json", auth: true, limit: 1_000_000 },
        {
          target: "/sandbox/activation-requests",
          type: "application/json",
          auth: false,
          limit: 1_000_000,
        },
        {
          target: "/signin",
          type: "application/x-www-form-urlencoded",
          auth: false,
          limit: 65_536,
        },
      );
      return fc.asyncProperty(
        targets,
        sizes,
        fc.constantFrom(" ", "x", "\u00e4"),
        async (where, size, filler) => {
          const body = Buffer.alloc(size, filler);
          const request: FuzzRequest = {
            method: "POST",
            target: where.target,
            headers: [
              ["Content-Type", where.type],
              ...(where.auth ? [["Authorization", `Bearer ${t.token}`] as [string, string]] : []),
            ],
            body,
          };
          const answer = await http.send(request);
          checkAnswer(false, request, answer, where.target !== "/signin");
          if (size > where.limit && answer.status !== 413)
            throw new Error(`${size} bytes to ${where.target}: ${answer.status}, not 413`);
        },
      );
    });
  });
});
