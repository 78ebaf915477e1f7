import { createKeyring, generateKeyringKey, isPcxError, PcxError } from "@pcx/sdk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const K1 = generateKeyringKey();
const K2 = generateKeyringKey();
const API_KEY = "tu-api-key-5f0e1c9a-PLAINTEXT";

async function keyringError(run: () => unknown): Promise<PcxError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof PcxError) return error;
    throw error;
  }
  throw new Error("expected a PcxError");
}

describe("createKeyring", () => {
  it("seals to a versioned, key-id-naming value that opens to the plaintext", async () => {
    const keyring = createKeyring({ keys: [{ id: "k1", key: K1 }] });
    const sealed = await keyring.seal(API_KEY);
    expect(sealed).toMatch(/^pcxk1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(API_KEY);
    expect(keyring.keyIdOf(sealed)).toBe("k1");
    await expect(keyring.open(sealed)).resolves.toBe(API_KEY);
  });

  it("uses a fresh IV per seal", async () => {
    const keyring = createKeyring({ keys: [{ id: "k1", key: K1 }] });
    const a = await keyring.seal(API_KEY);
    const b = await keyring.seal(API_KEY);
    expect(a).not.toBe(b);
    expect(a.split(".")[2]).not.toBe(b.split(".")[2]);
  });

  it("seals with the last key by default, or the named current one, and opens old values", async () => {
    const old = createKeyring({ keys: [{ id: "k1", key: K1 }] });
    const sealedOld = await old.seal(API_KEY);
    const rotated = createKeyring({
      keys: [
        { id: "k1", key: K1 },
        { id: "k2", key: K2 },
      ],
    });
    expect(rotated.currentKeyId).toBe("k2");
    expect(rotated.keyIds).toEqual(["k1", "k2"]);
    const sealedNew = await rotated.seal(API_KEY);
    expect(rotated.keyIdOf(sealedNew)).toBe("k2");
    expect(rotated.needsRotation(sealedOld)).toBe(true);
    expect(rotated.needsRotation(sealedNew)).toBe(false);
    await expect(rotated.open(sealedOld)).resolves.toBe(API_KEY);
    const pinned = createKeyring({
      keys: [
        { id: "k1", key: K1 },
        { id: "k2", key: K2 },
      ],
      current: "k1",
    });
    expect(pinned.keyIdOf(await pinned.seal(API_KEY))).toBe("k1");
  });

  it("accepts keys as bytes and as URL-safe base64", async () => {
    const bytes = new Uint8Array(32).fill(7);
    const a = createKeyring({ keys: [{ id: "a", key: bytes }] });
    const urlSafe = Buffer.from(bytes).toString("base64url");
    const b = createKeyring({ keys: [{ id: "a", key: urlSafe }] });
    await expect(b.open(await a.seal("x"))).resolves.toBe("x");
  });

  it.each([
    {
      title: "a key it lacks, naming the key id",
      sealedUnder: { id: "gone", key: K1 },
      openedWith: { id: "k2", key: K2 },
      says: { message: '"gone"', hint: "k2" },
    },
    {
      title: "another key with the same id",
      sealedUnder: { id: "k1", key: K1 },
      openedWith: { id: "k1", key: K2 },
      says: { message: "failed authentication" },
    },
  ])("refuses a value sealed under $title", async ({ sealedUnder, openedWith, says }) => {
    const sealed = await createKeyring({ keys: [sealedUnder] }).seal(API_KEY);
    const error = await keyringError(() => createKeyring({ keys: [openedWith] }).open(sealed));
    expect(error.code).toBe("pcx_keyring");
    expect(error.message).toContain(says.message);
    if (says.hint) expect(error.hint).toContain(says.hint);
  });

  it("refuses a value whose key id was swapped (the id is authenticated)", async () => {
    const keyring = createKeyring({
      keys: [
        { id: "k1", key: K1 },
        { id: "k2", key: K1 },
      ],
      current: "k1",
    });
    const sealed = await keyring.seal(API_KEY);
    const swapped = sealed.replace(/^pcxk1\.k1\./, "pcxk1.k2.");
    expect((await keyringError(() => keyring.open(swapped))).code).toBe("pcx_keyring");
  });

  it("validates its options, naming the field", async () => {
    const cases: Array<[unknown, string]> = [
      [{ keys: [] }, "keys must list"],
      [{ keys: [{ id: "bad id", key: K1 }] }, "keys[0].id"],
      [{ keys: [{ id: "k1", key: "c2hvcnQ=" }] }, "keys[0].key must be 32 bytes"],
      [{ keys: [{ id: "k1", key: "not base64!" }] }, "keys[0].key must be base64"],
      [
        {
          keys: [
            { id: "k1", key: K1 },
            { id: "k1", key: K2 },
          ],
        },
        "keys[1].id",
      ],
      [{ keys: [{ id: "k1", key: K1 }], current: "k9" }, 'current names key id "k9"'],
    ];
    for (const [options, message] of cases) {
      const error = await keyringError(() =>
        createKeyring(options as Parameters<typeof createKeyring>[0]),
      );
      expect(error.code).toBe("pcx_keyring");
      expect(error.message).toContain(message);
    }
  });

  it("never shows key material or plaintext when printed", async () => {
    const keyring = createKeyring({ keys: [{ id: "k1", key: K1 }] });
    const sealed = await keyring.seal(API_KEY);
    const error = await keyringError(() => keyring.open(`${sealed.slice(0, -2)}AA`));
    const printed = [JSON.stringify(keyring), JSON.stringify(error), String(error)].join("\n");
    expect(printed).not.toContain(K1);
    expect(printed).not.toContain(API_KEY);
  });

  it("generateKeyringKey gives 32 random bytes as base64", () => {
    const a = generateKeyringKey();
    expect(Buffer.from(a, "base64")).toHaveLength(32);
    expect(a).not.toBe(generateKeyringKey());
  });
});

describe("keyring properties (fast-check)", () => {
  const keyring = createKeyring({ keys: [{ id: "k1", key: K1 }] });

  it("opens what it sealed, for any text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 200 }), async (text) => {
        expect(await keyring.open(await keyring.seal(text))).toBe(text);
      }),
      { numRuns: 100, interruptAfterTimeLimit: 2_000 },
    );
  });

  it("any change to a sealed value fails with pcx_keyring, never garbage", async () => {
    const sealed = await keyring.seal(API_KEY);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: sealed.length - 1 }),
        fc.constantFrom(...alphabet),
        async (at, char) => {
          fc.pre(sealed[at] !== char);
          const tampered = sealed.slice(0, at) + char + sealed.slice(at + 1);
          const error = await keyringError(() => keyring.open(tampered));
          expect(error.code).toBe("pcx_keyring");
        },
      ),
      { numRuns: 150, interruptAfterTimeLimit: 2_000 },
    );
  });

  it("open() of arbitrary input throws pcx_keyring only", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `pcxk1.k1.${s}`),
          fc.anything(),
        ),
        async (input) => {
          const error = await keyringError(() => keyring.open(input as string));
          expect(isPcxError(error) && error.code).toBe("pcx_keyring");
        },
      ),
      { numRuns: 150, interruptAfterTimeLimit: 2_000 },
    );
  });
});
