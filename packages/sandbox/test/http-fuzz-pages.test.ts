// Fuzz over real HTTP: the customer's pages' forms, signed in, with percent-encoding and
// unicode everywhere. Every answer is a proper page or a same-origin redirect, never a 5xx.
import fc from "fast-check";
import { describe, it } from "vitest";
import { contentTypes } from "./http-fuzz-arbitraries.js";
import { checkAnswer, type FuzzRequest } from "./http-fuzz-kit.js";
import { fuzzOverHttp } from "./http-fuzz-property.js";

/** Text as a form carries it: encoded, raw, or with broken escapes. */
function formText(): fc.Arbitrary<string> {
  const text = fc.oneof(
    fc.constantFrom(
      "1001",
      "1004",
      "1021",
      "0",
      "-1",
      "1e3",
      "demo",
      "demo2",
      "x".repeat(3000),
      "",
    ),
    fc.string({ unit: "grapheme", maxLength: 16 }),
    fc.string({ unit: "binary", maxLength: 8 }),
  );
  return fc
    .tuple(text, fc.constantFrom("encoded", "raw", "broken"))
    .map(([value, how]) =>
      how === "encoded"
        ? encodeURIComponent(value)
        : how === "raw"
          ? value.replace(/[&=]/g, "")
          : `${encodeURIComponent(value)}%${value.length % 2 ? "zz" : "E0%A4%A"}`,
    );
}

const ids = (integrationId: number) =>
  fc.constantFrom(String(integrationId), "999", "0", "%31", "1e0", "abc", "%zz");

const FORMS: Record<string, (integrationId: number) => fc.Arbitrary<string>> = {
  "the activation steps": (integrationId) =>
    fc
      .tuple(
        ids(integrationId),
        fc.constantFrom("", "/terms", "/environments", "/confirm", "/nope"),
      )
      .map(([i, step]) => `/activate/${i}${step}`),
  "sign-in, sign-out and the update steps": (integrationId) =>
    fc.oneof(
      fc.constantFrom("/signin", "/signout"),
      fc
        .tuple(ids(integrationId), fc.constantFrom("", "/rights", "/confirm"))
        .map(([i, step]) => `/update/${i}${step}`),
    ),
};

describe("fuzz: the customer's pages over real HTTP", () => {
  for (const [name, targets] of Object.entries(FORMS)) {
    it(`${name}: 275 signed-in form posts (fields, encodings, unicode, origins, types), never a 5xx, nothing changed`, async () => {
      await fuzzOverHttp(275, (t, http) => {
        const origin = new URL(t.s.url).origin;
        const target = targets(t.integrationId);
        const query = fc.option(
          fc
            .tuple(fc.constantFrom("next", "lang", "state"), formText())
            .map(([k, v]) => `?${k}=${v}`),
          { nil: "" },
        );
        // "terms" is never "accepted": no case may start a request (that would be good input).
        const pair = fc.tuple(
          fc.oneof(fc.constantFrom("terms", "env", "state", "user", "lang"), formText()),
          formText(),
        );
        const body = fc.array(pair, { maxLength: 10 }).map((pairs) =>
          Buffer.from(
            pairs
              .filter(([k, v]) => !(k === "terms" && decodeSafely(v) === "accepted"))
              .map(([k, v]) => `${k}=${v}`)
              .join("&"),
            "utf8",
          ),
        );
        const originHeader = fc.constantFrom<[string, string][]>(
          [],
          [["Origin", origin]],
          [["Origin", "http://attacker.example"]],
          [["Sec-Fetch-Site", "same-site"]],
        );
        const type = fc.oneof(
          { weight: 4, arbitrary: fc.constant("application/x-www-form-urlencoded") },
          { weight: 1, arbitrary: contentTypes },
        );
        return fc.asyncProperty(
          target,
          query,
          body,
          originHeader,
          type,
          fc.boolean(),
          async (path, q, sent, extra, ct, html) => {
            const request: FuzzRequest = {
              method: "POST",
              target: `${path}${q}`,
              headers: [
                ["Cookie", t.session],
                ["Content-Type", ct],
                ...(html ? [["Accept", "text/html"] as [string, string]] : []),
                ...extra,
              ],
              body: sent,
            };
            checkAnswer(false, request, await http.send(request));
          },
        );
      });
    });
  }
});

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
