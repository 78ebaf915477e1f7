// Fuzz over real HTTP (raw sockets): request-targets, methods and headers on every route group.
// Every answer is a 4xx in Procountor's shape or a proper page, never a 5xx; state never changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  contentTypes,
  headerLines,
  jsonBodies,
  methods,
  targetUnder,
} from "./http-fuzz-arbitraries.js";
import { checkAnswer, type FuzzRequest, isErrorShape, isPage } from "./http-fuzz-kit.js";
import { fuzzOverHttp } from "./http-fuzz-property.js";

const RUNS_PER_GROUP = 350;

const groups = [
  { group: "api", prefix: "/api" },
  { group: "admin", prefix: "/sandbox" },
  { group: "pages", prefix: "" },
] as const;

describe("fuzz: request-target, method and headers over real HTTP", () => {
  for (const { group, prefix } of groups) {
    it(`${group}: ${RUNS_PER_GROUP} odd requests, never a 5xx, nothing changed`, async () => {
      await fuzzOverHttp(RUNS_PER_GROUP, (t, http) => {
        const origin = new URL(t.s.url).origin;
        // No valid token here: an odd path could otherwise name a real request and approve it.
        const headers = headerLines({
          token: "pcxs_at_fuzz_not_a_token",
          session: t.session,
          origin,
        });
        const body = fc.option(fc.tuple(contentTypes, jsonBodies), { nil: undefined });
        return fc.asyncProperty(
          methods,
          targetUnder(prefix || ""),
          headers,
          body,
          async (method, target, lines, sent) => {
            const request: FuzzRequest = {
              method,
              target: target === "" ? "/" : target,
              headers: sent ? [["Content-Type", sent[0]], ...lines] : lines,
              body: sent ? sent[1] : Buffer.alloc(0),
            };
            checkAnswer(true, request, await http.send(request));
          },
        );
      });
    });
  }

  it("garbage request lines and versions: 300 cases answered in Procountor's shape", async () => {
    await fuzzOverHttp(300, (t, http) => {
      const host = new URL(t.s.url).host;
      const line = fc
        .oneof(
          fc
            .tuple(
              fc.constantFrom("GET", "POST", "G\tET", "", "GET GET"),
              fc.constantFrom(
                "/",
                "//[",
                "/api/integrations/%zz",
                "*",
                "/\u0001",
                "/a b",
                "http://x/api",
                "/sandbox/health",
              ),
              fc.constantFrom(
                "HTTP/1.1",
                "HTTP/1.0",
                "HTTP/2.0",
                "HTTP/9.9",
                "HTTP/1.1x",
                "HTTPS/1.1",
                "",
                "http/1.1",
              ),
            )
            .map(([m, t, v]) => `${m} ${t} ${v}`),
          fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 60 }),
          fc.constant("PRI * HTTP/2.0\r\n\r\nSM"),
          // Blank lines before a request line are skipped (RFC 9112 §2.2): the server would rightly wait.
        )
        .filter((text) => text.replace(/[\r\n]/g, "") !== "");
      return fc.asyncProperty(line, fc.boolean(), async (first, withHost) => {
        const head = `${first.replace(/\r?\n(?!$)/g, " ")}\r\n${withHost ? `Host: ${host}\r\n` : ""}\r\n`;
        const answer = await http.exchange(Buffer.from(head, "latin1"), first.startsWith("HEAD "));
        expect(answer.status, first).toBeLessThan(500);
        // A line that happens to be a valid request for a page may get a page (a 405 for POST /).
        if (answer.status >= 400)
          expect(isErrorShape(answer) || isPage(answer, first.startsWith("HEAD ")), first).toBe(
            true,
          );
      });
    });
  });
});
