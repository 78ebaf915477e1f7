import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signState } from "./sign-state.js";
import { type VerifyStateOptions, verifyState } from "./verify-state.js";

const SECRET = "state-secret-0123456789abcdef-0123456789";
const T0 = new Date("2025-06-01T12:00:00Z");
const now = () => T0;
const SIGN = { secret: SECRET, keyId: "k1", integrationId: 12, now };
const VERIFY: VerifyStateOptions = { secrets: { k1: SECRET }, integrationId: 12, now };

/** The pcx_config error whose message names `option`. */
const config = (option: RegExp) =>
  expect.objectContaining({ code: "pcx_config", message: expect.stringMatching(option) });

describe("signState fails closed on misconfiguration", () => {
  it.each([
    [
      "an empty secret",
      { secret: "" },
      /options\.secret is 0 bytes; a state secret needs at least 32/,
    ],
    ["a 1-byte secret", { secret: "x" }, /options\.secret is 1 bytes/],
    ["a 31-byte secret", { secret: "x".repeat(31) }, /options\.secret is 31 bytes/],
    ["an empty byte secret", { secret: new Uint8Array(0) }, /options\.secret is 0 bytes/],
    [
      "a number as secret",
      { secret: 12345 },
      /options\.secret must be a string or a Uint8Array, got number/,
    ],
    [
      "no secret",
      { secret: undefined },
      /options\.secret must be a string or a Uint8Array, got undefined/,
    ],
    ["an ArrayBuffer as secret", { secret: new ArrayBuffer(40) }, /options\.secret must be/],
    ["a bad key id", { keyId: "has.dot" }, /options\.keyId/],
    ["no integration id", { integrationId: undefined }, /options\.integrationId/],
    ["integration id 0", { integrationId: 0 }, /options\.integrationId .*got 0/],
    ["a negative integration id", { integrationId: -3 }, /options\.integrationId/],
    ["a fractional integration id", { integrationId: 1.5 }, /options\.integrationId/],
    ["an integration id as text", { integrationId: "12" }, /options\.integrationId .*got string/],
    ["a lifetime over 90 days", { expiresIn: "91d" }, /at most 90 days/],
    [
      "an expiry over 90 days ahead",
      { expiresAt: new Date(T0.getTime() + 91 * 86_400_000) },
      /at most 90 days/,
    ],
    ["a negative lifetime", { expiresIn: -5 }, /expire in the future/],
    ["a NaN lifetime", { expiresIn: Number.NaN }, /expire in the future/],
    ["an infinite lifetime", { expiresIn: Number.POSITIVE_INFINITY }, /expire in the future/],
    ["a bad duration", { expiresIn: "7x" }, /options\.expiresIn "7x" is not a duration/],
    ["an invalid expiry date", { expiresAt: new Date("nope") }, /expire in the future/],
    ["a clock that is not one", { now: () => new Date("nope") }, /options\.now/],
  ])("refuses %s with pcx_config naming the option", async (_, change, message) => {
    await expect(signState({ ref: "a" }, { ...SIGN, ...change } as never)).rejects.toThrow(
      config(message),
    );
  });

  it("refuses missing options", async () => {
    await expect(signState({ ref: "a" }, undefined as never)).rejects.toThrow(config(/options/));
  });

  it("signs at exactly the largest lifetime", async () => {
    await expect(signState({ ref: "a" }, { ...SIGN, expiresIn: "90d" })).resolves.toMatch(/^v2\./);
  });
});

describe("verifyState fails closed on misconfiguration", () => {
  it.each([
    ["a NaN tolerance", { clockToleranceSec: Number.NaN }, /clockToleranceSec .*got NaN/],
    ["an infinite tolerance", { clockToleranceSec: Number.POSITIVE_INFINITY }, /clockToleranceSec/],
    ["a negative tolerance", { clockToleranceSec: -1 }, /clockToleranceSec/],
    ["a tolerance over an hour", { clockToleranceSec: 3601 }, /from 0 to 3600/],
    ["a tolerance as text", { clockToleranceSec: "60" }, /clockToleranceSec/],
    ["an empty secret", { secrets: { k1: "" } }, /options\.secrets\["k1"\] is 0 bytes/],
    ["a 1-byte secret", { secrets: { k1: "x" } }, /options\.secrets\["k1"\] is 1 bytes/],
    [
      "a secret that is not text or bytes",
      { secrets: { k1: 42 } },
      /must be a string or a Uint8Array/,
    ],
    ["a null secret in a list", { secrets: [{ keyId: "k1", secret: null }] }, /got null/],
    ["a list with a hole", { secrets: [null] }, /key id/],
    ["no secrets", { secrets: {} }, /holds no key/],
    ["an empty list", { secrets: [] }, /holds no key/],
    ["a missing secrets option", { secrets: undefined }, /holds no key/],
    [
      "one short secret among good ones",
      { secrets: { k1: SECRET, k0: "short" } },
      /\["k0"\] is 5 bytes/,
    ],
    ["no integration id", { integrationId: undefined }, /options\.integrationId/],
    ["integration id NaN", { integrationId: Number.NaN }, /options\.integrationId .*got NaN/],
    ["a clock that is not one", { now: "2025-06-01" }, /options\.now/],
  ])(
    "refuses %s with pcx_config naming the option, whatever the token",
    async (_, change, message) => {
      const token = await signState({ ref: "a" }, SIGN);
      for (const candidate of [token, "", "junk", undefined]) {
        await expect(verifyState(candidate, { ...VERIFY, ...change } as never)).rejects.toThrow(
          config(message),
        );
      }
    },
  );

  it("refuses missing options", async () => {
    await expect(verifyState("v2.a.b.c", undefined as never)).rejects.toThrow(config(/options/));
  });

  it("never accepts a forgery made with an empty or 1-byte secret", async () => {
    const payload = Buffer.from(
      JSON.stringify({ ref: "a", iid: 12, nonce: "A".repeat(22), iat: 1, exp: 2e9 }),
    ).toString("base64url");
    for (const weak of ["", "x"]) {
      const mac = createHmac("sha256", weak).update(`v2.k1.${payload}`).digest("base64url");
      const forged = `v2.k1.${payload}.${mac}`;
      expect(await verifyState(forged, VERIFY)).toMatchObject({
        ok: false,
        reason: "bad_signature",
      });
      // A verifier configured with the weak secret itself throws instead of answering ok.
      await expect(verifyState(forged, { ...VERIFY, secrets: { k1: weak } })).rejects.toThrow(
        config(/at least 32/),
      );
    }
  });

  it("keeps the tolerance within bounds: 0 and 3600 are accepted", async () => {
    const token = await signState({ ref: "a" }, { ...SIGN, expiresIn: 60 });
    const later = () => new Date(T0.getTime() + 60_000 + 3_000_000);
    expect(
      await verifyState(token, { ...VERIFY, now: later, clockToleranceSec: 3600 }),
    ).toMatchObject({ ok: true });
    expect(await verifyState(token, { ...VERIFY, now: later, clockToleranceSec: 0 })).toMatchObject(
      {
        ok: false,
        reason: "expired",
      },
    );
  });
});
