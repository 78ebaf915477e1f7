// Fuzz over real HTTP: the routes of the clock, the status e-mail's outbox and the hand-off tab,
// with odd methods, ids, queries and tokens. Never a 5xx; the clock, the outbox and the rest of
// the state never change; the e-mail already in the outbox is shown only to its user.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentTypes, headerLines, jsonBodies, methods } from "./http-fuzz-arbitraries.js";
import { checkAnswer, type FuzzRequest } from "./http-fuzz-kit.js";
import { fuzzOverHttp } from "./http-fuzz-property.js";

/** Query values: fine, non-canonical, too big, encoded, empty. */
const queryValue = fc.oneof(
  fc.constantFrom("1", "2", "0", "-1", "01", "1e0", "0x1", "%31", "%zz", "", "9".repeat(30)),
  fc.string({ unit: "grapheme", maxLength: 8 }).map(encodeURIComponent),
);

const query = fc
  .array(
    fc.tuple(fc.constantFrom("userId", "requestId", "limit", "lang", "x", "userId%00"), queryValue),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}` : ""));

/** Hand-off tokens: the right shape (unknown to the sandbox), near misses, encodings. */
const token = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{21,23}$/),
  fc.string({ unit: "grapheme", maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom("", "..", "%2e%2e", "%00", "%E0%A4%A", "a%2Fb"),
);

const targets = fc.oneof(
  query.map((q) => `/sandbox/clock${q}`),
  query.map((q) => `/sandbox/outbox${q}`),
  query.map((q) => `/outbox${q}`),
  fc.tuple(token, query).map(([tk, q]) => `/handoff/${tk}${q}`),
);

describe("fuzz: the clock, the outbox and the hand-off over real HTTP", () => {
  it("250 odd requests (mostly GETs), never a 5xx, the clock and the outbox unchanged", async () => {
    let clockBefore: unknown;
    const t = await fuzzOverHttp(250, (t, http) => {
      expect(t.before.outbox).toHaveLength(1);
      clockBefore = t.s.engine.readClock();
      const origin = new URL(t.s.url).origin;
      // Mostly plain GETs (what these routes answer), then odd methods, headers and bodies.
      const method = fc.oneof({ weight: 3, arbitrary: fc.constant("GET") }, methods);
      const headers = fc.oneof(
        { weight: 2, arbitrary: fc.constant<[string, string][]>([]) },
        headerLines({ token: "pcxs_at_fuzz_not_a_token", session: t.session, origin }),
      );
      const body = fc.option(fc.tuple(contentTypes, jsonBodies), { nil: undefined, freq: 2 });
      return fc.asyncProperty(
        method,
        targets,
        headers,
        fc.boolean(),
        body,
        async (method, target, lines, signedIn, sent) => {
          const request: FuzzRequest = {
            method,
            target,
            headers: [
              ...(signedIn ? [["Cookie", t.session] as [string, string]] : []),
              ...(sent ? [["Content-Type", sent[0]] as [string, string]] : []),
              ...lines,
            ],
            body: sent ? sent[1] : Buffer.alloc(0),
          };
          const answer = await http.send(request);
          checkAnswer(false, request, answer);
          // An odd outbox query never widens what is listed: the e-mail is user 1's.
          if (target.startsWith("/sandbox/outbox") && answer.status === 200) {
            const listed = JSON.parse(answer.body) as { to: { userId: number } }[];
            if (listed.some((email) => email.to.userId !== 1))
              throw new Error(`${target} listed another user's e-mail`);
          }
        },
      );
    });
    expect(t.s.engine.readClock()).toEqual(clockBefore);
  });
});
