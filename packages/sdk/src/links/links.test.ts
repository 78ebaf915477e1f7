import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64url, encodeBase64url } from "./base64url.js";
import { createActivationLink } from "./create-activation-link.js";
import { parseDuration } from "./parse-duration.js";
import { signState } from "./sign-state.js";
import { verifyState } from "./verify-state.js";

const SECRET = "state-secret-0123456789abcdef-0123456789";
const T0 = new Date("2025-06-01T12:00:00Z");
const at = (ms: number) => () => new Date(T0.getTime() + ms);
const ACME = 12;

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
      state: "v2.k1.abc_-.x y&z",
    });
    const url = new URL(link);
    expect(url.searchParams.get("lang")).toBe("fi");
    expect(url.searchParams.get("state")).toBe("v2.k1.abc_-.x y&z");
    expect(createActivationLink({ activationLink: "https://a.example/act/1" })).toBe(
      "https://a.example/act/1",
    );
  });

  it("refuses a missing or non-http link, and a state longer than the contract allows", () => {
    expect(() => createActivationLink({ activationLink: null })).toThrow(/no activation link yet/);
    expect(() => createActivationLink({ activationLink: "javascript:alert(1)" })).toThrow(
      /not an http/,
    );
    expect(() => createActivationLink({ activationLink: "nope" })).toThrow(/not a URL/);
    expect(() =>
      createActivationLink({ activationLink: "https://a.example/1", state: "s".repeat(1025) }),
    ).toThrow(
      expect.objectContaining({ code: "pcx_usage", message: expect.stringMatching(/1024/) }),
    );
  });
});

describe("base64url", () => {
  it("round-trips any bytes and accepts only the canonical text (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString("base64url"));
        expect(decodeBase64url(text)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
    expect(decodeBase64url("AA")).toEqual(new Uint8Array([0]));
    expect(decodeBase64url("AB")).toBeUndefined(); // spare bits set
    expect(decodeBase64url("AQ")).toEqual(new Uint8Array([1]));
    expect(decodeBase64url("A")).toBeUndefined();
    expect(decodeBase64url("AA==")).toBeUndefined();
    expect(decodeBase64url("A+A/")).toBeUndefined();
  });
});

describe("signState / verifyState", () => {
  const sign = (ref = "cust-42", options = {}) =>
    signState(
      { ref, plan: "pro", seats: 3 },
      { secret: SECRET, keyId: "k2025", integrationId: ACME, now: at(0), ...options },
    );
  const check = { secrets: { k2025: SECRET }, integrationId: ACME };

  it("round-trips the payload with integration, nonce, issue and expiry times", async () => {
    const token = await sign();
    expect(token).toMatch(/^v2\.k2025\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(token.length).toBeLessThan(240);
    const result = await verifyState(token, { ...check, now: at(60_000) });
    expect(result).toEqual({
      ok: true,
      payload: { ref: "cust-42", plan: "pro", seats: 3 },
      keyId: "k2025",
      integrationId: ACME,
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      issuedAt: T0,
      expiresAt: new Date(T0.getTime() + 7 * 86_400_000),
    });
  });

  it("gives every state its own 128-bit nonce", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const result = await verifyState(await sign(), { ...check, now: at(0) });
      if (!result.ok) expect.unreachable(result.message);
      else {
        expect(decodeBase64url(result.nonce)?.length).toBe(16);
        nonces.add(result.nonce);
      }
    }
    expect(nonces.size).toBe(20);
  });

  it("survives the trip through the activation link's query string", async () => {
    const token = await sign();
    const link = createActivationLink({ activationLink: "https://p.example/a/1", state: token });
    const state = new URL(link).searchParams.get("state");
    expect((await verifyState(state, { ...check, now: at(0) })).ok).toBe(true);
  });

  it("refuses a state made for another integration (wrong_integration)", async () => {
    const forA = await sign("c", { integrationId: 1001 });
    expect(await verifyState(forA, { ...check, integrationId: 1001, now: at(0) })).toMatchObject({
      ok: true,
      integrationId: 1001,
    });
    expect(await verifyState(forA, { ...check, integrationId: 1002, now: at(0) })).toEqual({
      ok: false,
      reason: "wrong_integration",
      message: "state was made for integration 1001, not for integration 1002",
    });
  });

  it("refuses a tampered payload (another integration, another ref) and a tampered signature", async () => {
    const token = await sign();
    const [v, kid, payload, signature] = token.split(".") as [string, string, string, string];
    const body = JSON.parse(Buffer.from(payload, "base64url").toString());
    for (const change of [{ ref: "cust-43" }, { iid: ACME + 1 }, { exp: body.exp + 86_400 }]) {
      const forged = Buffer.from(JSON.stringify({ ...body, ...change })).toString("base64url");
      const result = await verifyState([v, kid, forged, signature].join("."), {
        ...check,
        integrationId: change.iid ?? ACME,
        now: at(0),
      });
      expect(result).toMatchObject({ ok: false, reason: "bad_signature" });
    }
    // Every one-character change of the signature is refused, the last char's spare bits too.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const variants = [];
    for (let i = 0; i < signature.length; i += 7) {
      const c = alphabet[(alphabet.indexOf(signature[i] as string) + 1) % 64] as string;
      variants.push(signature.slice(0, i) + c + signature.slice(i + 1));
    }
    const last = signature.at(-1) as string;
    variants.push(signature.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1]);
    for (const changed of variants) {
      const result = await verifyState([v, kid, payload, changed].join("."), {
        ...check,
        now: at(0),
      });
      expect(result).toMatchObject({ ok: false, reason: "bad_signature" });
    }
    // Moving the token to another key id is refused too.
    expect(
      await verifyState(["v2", "other", payload, signature].join("."), {
        ...check,
        secrets: { k2025: SECRET, other: SECRET },
        now: at(0),
      }),
    ).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("expires, with a clock tolerance", async () => {
    const token = await sign("c", { expiresIn: "30m" });
    expect((await verifyState(token, { ...check, now: at(30 * 60_000 + 59_000) })).ok).toBe(true);
    expect(await verifyState(token, { ...check, now: at(30 * 60_000 + 61_000) })).toMatchObject({
      ok: false,
      reason: "expired",
      expiredAt: new Date(T0.getTime() + 30 * 60_000),
    });
    expect(
      await verifyState(token, { ...check, now: at(30 * 60_000 + 1000), clockToleranceSec: 0 }),
    ).toMatchObject({ reason: "expired" });
    const absolute = await sign("c", { expiresAt: new Date(T0.getTime() + 5000), expiresIn: "7d" });
    expect(await verifyState(absolute, { ...check, now: at(66_000) })).toMatchObject({
      reason: "expired",
    });
    const seconds = await sign("c", { expiresIn: 10 });
    expect(await verifyState(seconds, { ...check, now: at(71_000) })).toMatchObject({
      reason: "expired",
    });
  });

  it("names an unknown key, and accepts any of several keys during rotation", async () => {
    const OLD = "old-state-secret-abcdefghijklmnopqrstuvwx";
    const oldToken = await signState(
      { ref: "a" },
      { secret: OLD, keyId: "k2024", integrationId: ACME, now: at(0) },
    );
    const newToken = await sign("b");
    expect(await verifyState(oldToken, { ...check, now: at(0) })).toMatchObject({
      ok: false,
      reason: "unknown_key",
    });
    const both = [
      { keyId: "k2025", secret: SECRET },
      { keyId: "k2024", secret: new TextEncoder().encode(OLD) },
    ];
    expect(
      await verifyState(oldToken, { secrets: both, integrationId: ACME, now: at(0) }),
    ).toMatchObject({ ok: true, keyId: "k2024", payload: { ref: "a" } });
    expect(
      await verifyState(newToken, { secrets: both, integrationId: ACME, now: at(0) }),
    ).toMatchObject({ ok: true, keyId: "k2025" });
    // Prototype keys are not secrets.
    const proto = await signState(
      { ref: "a" },
      { secret: SECRET, keyId: "toString", integrationId: ACME, now: at(0) },
    );
    expect(await verifyState(proto, { ...check, now: at(0) })).toMatchObject({
      reason: "unknown_key",
    });
  });

  it("answers unsupported_version for a v1 token, telling to issue a new link", async () => {
    const payload = Buffer.from(JSON.stringify({ ref: "a", iat: 1, exp: 2e9 })).toString(
      "base64url",
    );
    const mac = createHmac("sha256", SECRET).update(`v1.k2025.${payload}`).digest("base64url");
    expect(await verifyState(`v1.k2025.${payload}.${mac}`, { ...check, now: at(0) })).toEqual({
      ok: false,
      reason: "unsupported_version",
      message: expect.stringMatching(/v1 token; only v2 is accepted\. Issue a new link/),
    });
  });

  it("refuses bad payloads with pcx_usage", async () => {
    const base = { secret: SECRET, keyId: "k", integrationId: ACME, now: at(0) };
    const usage = (pattern: RegExp) =>
      expect.objectContaining({ code: "pcx_usage", message: expect.stringMatching(pattern) });
    await expect(signState({ ref: "" }, base)).rejects.toThrow(usage(/ref/));
    for (const field of ["exp", "iat", "iid", "nonce"]) {
      await expect(signState({ ref: "a", [field]: 1 }, base)).rejects.toThrow(
        usage(new RegExp(`"${field}"`)),
      );
    }
    await expect(signState({ ref: "x".repeat(1000) }, base)).rejects.toThrow(
      usage(/more than 1024/),
    );
    await expect(
      signState({ ref: "a", nested: { x: 1 } as unknown as string }, base),
    ).rejects.toThrow(usage(/must be a string/));
    await expect(signState({ ref: "a", n: Number.NaN }, base)).rejects.toThrow(usage(/finite/));
  });
});
