import {
  createKeyring,
  createMemoryStore,
  generateKeyringKey,
  isPcxError,
  rotateSealedKeys,
  storeKeyProvider,
} from "@pcx/sdk";
import { caught } from "@pcx/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const AT = new Date("2025-06-01T12:00:00Z");
const API_KEY = "pcxs_key_provider-TEST-9d1c7f";

async function setup() {
  const store = createMemoryStore();
  const k1 = { id: "k1", key: generateKeyringKey() };
  const keyring = createKeyring({ keys: [k1] });
  const save = async (companyId: number, fields: Record<string, unknown> = {}) =>
    store.saveActivation({
      integrationId: 7,
      companyId,
      companyName: `Company ${companyId}`,
      businessId: "1234567-1",
      version: 1,
      status: "ACTIVE",
      technicalUsername: "acme-invoice-sync",
      sealedApiKey: await keyring.seal(`${API_KEY}-${companyId}`),
      requestId: 1,
      activatedAt: AT,
      updatedAt: AT,
      ...fields,
    });
  return { store, keyring, k1, save };
}

describe("storeKeyProvider", () => {
  it("opens each environment's sealed key on demand, also after a rotation", async () => {
    const t = await setup();
    await t.save(1001);
    await t.save(1002);
    const key = storeKeyProvider({ store: t.store, sealer: t.keyring, integrationId: 7 });
    expect(await key(1001)).toBe(`${API_KEY}-1001`);
    expect(await key(1002)).toBe(`${API_KEY}-1002`);

    const rotated = createKeyring({ keys: [t.k1, { id: "k2", key: generateKeyringKey() }] });
    await rotateSealedKeys(t.store, rotated);
    expect((await t.store.getActivation(7, 1001))?.sealedApiKey).toMatch(/^pcxk1\.k2\./);
    const after = storeKeyProvider({ store: t.store, sealer: rotated, integrationId: 7 });
    expect(await after(1001)).toBe(`${API_KEY}-1001`);
    // A keyring without the sealing key cannot open it.
    const stranger = createKeyring({ keys: [{ id: "k9", key: generateKeyringKey() }] });
    const lost = await caught(
      storeKeyProvider({ store: t.store, sealer: stranger, integrationId: 7 })(1001),
    );
    expect(lost.code).toBe("pcx_keyring");
    expect(lost.message).not.toContain(API_KEY);
  });

  it("names what is missing: no activation, a removed one, one stored without its key, another integration", async () => {
    const t = await setup();
    await t.save(1001, { status: "REMOVED" });
    await t.save(1002, { sealedApiKey: null });
    const key = storeKeyProvider({ store: t.store, sealer: t.keyring, integrationId: 7 });
    const missing = await caught(key(1003));
    expect(missing.code).toBe("pcx_not_found");
    expect(missing.message).toMatch(/No activation of integration 7 in environment 1003/);
    expect((await caught(key(1001))).message).toMatch(/was removed/);
    expect((await caught(key(1002))).message).toMatch(/holds no API key for environment 1002/);
    await t.save(1004);
    const other = storeKeyProvider({ store: t.store, sealer: t.keyring, integrationId: 8 });
    expect((await caught(other(1004))).code).toBe("pcx_not_found");
  });

  it("refuses bad options with pcx_config naming the option, for any input", () => {
    const keyring = createKeyring({ keys: [{ id: "k1", key: generateKeyringKey() }] });
    const store = createMemoryStore();
    fc.assert(
      fc.property(fc.anything(), (integrationId) => {
        const valid =
          typeof integrationId === "number" &&
          Number.isSafeInteger(integrationId) &&
          integrationId > 0;
        try {
          storeKeyProvider({ store, sealer: keyring, integrationId: integrationId as number });
          expect(valid).toBe(true);
        } catch (error) {
          expect(valid).toBe(false);
          expect(isPcxError(error) && error.code).toBe("pcx_config");
          expect((error as Error).message).toContain("integrationId");
        }
      }),
      { numRuns: 200 },
    );
    expect(() => storeKeyProvider({ store, sealer: undefined as never, integrationId: 1 })).toThrow(
      /`store` and `sealer` are required/,
    );
  });
});
