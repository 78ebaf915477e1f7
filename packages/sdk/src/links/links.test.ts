import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createActivationLink } from "./create-activation-link.js";
import { parseDuration } from "./parse-duration.js";
import { signState } from "./sign-state.js";
import { verifyState } from "./verify-state.js";

const SECRET = "state-secret-0123456789abcdef-0123456789";
const OLD_SECRET = "old-state-secret-abcdefghijklmnopqrstuvwx";
const T0 = new Date("2025-06-01T12:00:00Z");
const at = (ms: number) => () => new Date(T0.getTime() + ms);

describe("parseDuration", () => {
  it.each([
    ["30s", 30_000],
    ["30m", 1_800_000],
    ["12h", 43_200_000],
    ["7d", 604_800_000],
    ["2w", 1_209_600_000],
    ["1h30m", 5_400_000],
    ["250ms", 250],
    [" 7D ", 604_800_000],
  ])("%s → %i ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "7", "d", "7x", "-1d", "1.5h", "7d junk", "h1"])("refuses %j", (text) => {
    expect(() => parseDuration(text)).toThrow(expect.objectContaining({ code: "pcx_usage" }));
  });
});

describe("createActivationLink", () => {
  it("adds an encoded state and keeps existing query parameters", () => {
    const link = createActivationLink({
      activationLink: "https://app.procountor.example/activate/12?lang=fi",
      state: "v1.k1.abc_-.x y&z",
    });
    const url = new URL(link);
    expect(url.searchParams.get("lang")).toBe("fi");
    expect(url.searchParams.get("state")).toBe("v1.k1.abc_-.x y&z");
    expect(createActivationLink({ activationLink: "https://a.example/act/1" })).toBe(
      "https://a.example/act/1",
    );
  });

  it("refuses a missing or non-http link", () => {
    expect(() => createActivationLink({ activationLink: null })).toThrow(/no activation link yet/);
    expect(() => createActivationLink({ activationLink: "javascript:alert(1)" })).toThrow(
      /not an http/,
    );
    expect(() => createActivationLink({ activationLink: "nope" })).toThrow(/not a URL/);
  });
});

describe("signState / verifyState", () => {
  const sign = (ref = "cust-42", options = {}) =>
    signState(
      { ref, plan: "pro", seats: 3 },
      { secret: SECRET, keyId: "k2025", now: at(0), ...options },
    );

  it("round-trips the payload with issue and expiry times", () => {
    const token = sign();
    expect(token).toMatch(/^v1\.k2025\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(token.length).toBeLessThan(160);
    const result = verifyState(token, { secrets: { k2025: SECRET }, now: at(60_000) });
    expect(result).toEqual({
      ok: true,
      payload: { ref: "cust-42", plan: "pro", seats: 3 },
      keyId: "k2025",
      issuedAt: T0,
      expiresAt: new Date(T0.getTime() + 7 * 86_400_000),
    });
  });

  it("survives the trip through the activation link's query string", () => {
    const token = sign();
    const link = createActivationLink({ activationLink: "https://p.example/a/1", state: token });
    const state = new URL(link).searchParams.get("state");
    expect(verifyState(state, { secrets: { k2025: SECRET }, now: at(0) }).ok).toBe(true);
  });

  it("refuses a tampered payload and a tampered signature", () => {
    const token = sign();
    const [v, kid, payload, signature] = token.split(".") as [string, string, string, string];
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, "base64url").toString()),
        ref: "cust-43",
      }),
    ).toString("base64url");
    const secrets = { k2025: SECRET };
    expect(
      verifyState([v, kid, forged, signature].join("."), { secrets, now: at(0) }),
    ).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
    // Every one-character change of the signature is refused (also in the last char's spare bits).
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 0; i < signature.length; i += 7) {
      for (const c of [alphabet[(alphabet.indexOf(signature[i]!) + 1) % 64]!]) {
        const changed = signature.slice(0, i) + c + signature.slice(i + 1);
        const result = verifyState([v, kid, payload, changed].join("."), { secrets, now: at(0) });
        expect(result).toMatchObject({ ok: false, reason: "bad_signature" });
      }
    }
    const last = signature.at(-1)!;
    const twin = alphabet[alphabet.indexOf(last) ^ 1]!;
    const result = verifyState([v, kid, payload, signature.slice(0, -1) + twin].join("."), {
      secrets,
      now: at(0),
    });
    expect(result).toMatchObject({ ok: false, reason: "bad_signature" });
    // Moving the token to another key id is refused too.
    expect(
      verifyState(["v1", "other", payload, signature].join("."), {
        secrets: { ...secrets, other: SECRET },
        now: at(0),
      }),
    ).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("expires, with a clock tolerance", () => {
    const token = sign("c", { expiresIn: "30m" });
    const secrets = { k2025: SECRET };
    expect(verifyState(token, { secrets, now: at(30 * 60_000 + 59_000) }).ok).toBe(true);
    expect(verifyState(token, { secrets, now: at(30 * 60_000 + 61_000) })).toMatchObject({
      ok: false,
      reason: "expired",
      expiredAt: new Date(T0.getTime() + 30 * 60_000),
    });
    expect(
      verifyState(token, { secrets, now: at(30 * 60_000 + 1000), clockToleranceSec: 0 }),
    ).toMatchObject({ reason: "expired" });
    const absolute = sign("c", { expiresAt: new Date(T0.getTime() + 5000), expiresIn: "7d" });
    expect(verifyState(absolute, { secrets, now: at(66_000) })).toMatchObject({
      reason: "expired",
    });
    expect(verifyState(sign("c", { expiresIn: 10 }), { secrets, now: at(71_000) })).toMatchObject({
      reason: "expired",
    });
  });

  it("names an unknown key, and accepts any of several keys during rotation", () => {
    const oldToken = signState({ ref: "a" }, { secret: OLD_SECRET, keyId: "k2024", now: at(0) });
    const newToken = sign("b");
    expect(verifyState(oldToken, { secrets: { k2025: SECRET }, now: at(0) })).toMatchObject({
      ok: false,
      reason: "unknown_key",
    });
    const both = [
      { keyId: "k2025", secret: SECRET },
      { keyId: "k2024", secret: OLD_SECRET },
    ];
    expect(verifyState(oldToken, { secrets: both, now: at(0) })).toMatchObject({
      ok: true,
      keyId: "k2024",
      payload: { ref: "a" },
    });
    expect(verifyState(newToken, { secrets: both, now: at(0) })).toMatchObject({
      ok: true,
      keyId: "k2025",
    });
    // Prototype keys are not secrets.
    const proto = signState({ ref: "a" }, { secret: SECRET, keyId: "toString", now: at(0) });
    expect(verifyState(proto, { secrets: {}, now: at(0) })).toMatchObject({
      reason: "unknown_key",
    });
  });

  it("refuses bad signing input", () => {
    const base = { secret: SECRET, keyId: "k", now: at(0) };
    expect(() => signState({ ref: "" }, base)).toThrow(/ref/);
    expect(() => signState({ ref: "a", exp: 1 }, base)).toThrow(/"exp"/);
    expect(() => signState({ ref: "a" }, { ...base, secret: "short" })).toThrow(/32 bytes/);
    expect(() => signState({ ref: "a" }, { ...base, keyId: "has.dot" })).toThrow(/keyId/);
    expect(() => signState({ ref: "a" }, { ...base, expiresIn: -5 })).toThrow(/future/);
    expect(() => signState({ ref: "x".repeat(1000) }, base)).toThrow(/more than 1024/);
    expect(() => signState({ ref: "a", nested: { x: 1 } as unknown as string }, base)).toThrow(
      /must be a string/,
    );
  });

  it("never throws on malformed input (property)", () => {
    const valid = sign();
    const secrets = { k2025: SECRET };
    const mutated = fc
      .tuple(fc.nat({ max: valid.length - 1 }), fc.string({ maxLength: 3 }), fc.nat({ max: 3 }))
      .map(([i, s, cut]) => valid.slice(0, i) + s + valid.slice(i + cut));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.string(),
          fc.stringMatching(/^v1\.[A-Za-z0-9_-]{0,8}\.[A-Za-z0-9_-]{0,40}\.[A-Za-z0-9_-]{0,50}$/),
          mutated,
        ),
        (input) => {
          const result = verifyState(input, { secrets, now: at(0) });
          expect(typeof result.ok).toBe("boolean");
          if (result.ok) expect(input).toBe(valid);
          else
            expect(["malformed", "bad_signature", "expired", "unknown_key"]).toContain(
              result.reason,
            );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws on malformed options either", () => {
    const token = sign();
    for (const secrets of [{}, [], [null], { k2025: "" }] as never[]) {
      expect(verifyState(token, { secrets, now: at(0) }).ok).toBe(false);
    }
    expect(verifyState(token, undefined as never).ok).toBe(false);
  });
});
