import { afterEach, describe, expect, it, vi } from "vitest";
import { signState } from "./sign-state.js";
import { verifyState } from "./verify-state.js";

const SECRET = "hmac-key-test-secret-0123456789abcdef-01";

describe("hmacKey", () => {
  afterEach(() => vi.restoreAllMocks());

  it("imports a secret's key once, then reuses it for every state it verifies", async () => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, "importKey");
    const options = { secrets: { k1: SECRET }, integrationId: 9 };
    const state = await signState({ ref: "a" }, { secret: SECRET, keyId: "k1", integrationId: 9 });
    const before = importKey.mock.calls.length;
    for (let i = 0; i < 5; i++) {
      // A fresh options object each time, as a hand-written handler passes them.
      expect(await verifyState(state, { ...options, secrets: { k1: SECRET } })).toMatchObject({
        ok: true,
      });
    }
    expect(importKey.mock.calls.length - before).toBeLessThanOrEqual(1);
    // Another secret is its own key: a state of the first is refused under it.
    const other = { secrets: { k1: `${SECRET}-other` }, integrationId: 9 };
    expect(await verifyState(state, other)).toMatchObject({ ok: false, reason: "bad_signature" });
  });
});
