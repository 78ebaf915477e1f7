import {
  type ActivationRecord,
  type ActivationStore,
  createKeyring,
  createMemoryStore,
  generateKeyringKey,
  rotateSealedKeys,
} from "@pcx/sdk";
import { describe, expect, it } from "vitest";

const K1 = { id: "k1", key: generateKeyringKey() };
const K2 = { id: "k2", key: generateKeyringKey() };

function activation(companyId: number, sealedApiKey: string | null): ActivationRecord {
  return {
    integrationId: 7,
    companyId,
    companyName: `Company ${companyId}`,
    businessId: "1234567-8",
    version: 1,
    status: "ACTIVE",
    technicalUsername: `tu-${companyId}`,
    sealedApiKey,
    requestId: 1,
    activatedAt: new Date(0),
    updatedAt: new Date(1),
  };
}

async function seeded(store: ActivationStore) {
  const old = createKeyring({ keys: [K1] });
  await store.saveActivation(activation(1, await old.seal("key-one")));
  await store.saveActivation(activation(2, await old.seal("key-two")));
  await store.saveActivation(activation(3, null));
  return store;
}

describe("rotateSealedKeys", () => {
  it("re-seals every key under the current key; then only the new key is needed", async () => {
    const store = await seeded(createMemoryStore());
    const rotated = createKeyring({ keys: [K1, K2] });
    await store.saveActivation(activation(4, await rotated.seal("key-four")));
    expect(await rotateSealedKeys(store, rotated)).toEqual({
      examined: 3,
      resealed: 2,
      current: 1,
      changedMeanwhile: 0,
    });
    const onlyNew = createKeyring({ keys: [K2] });
    const opened: Array<string | null> = [];
    for (const a of await store.listActivations()) {
      opened.push(a.sealedApiKey === null ? null : await onlyNew.open(a.sealedApiKey));
      expect(a.updatedAt).toEqual(new Date(1));
    }
    expect(opened).toEqual(["key-one", "key-two", null, "key-four"]);
    expect((await rotateSealedKeys(store, rotated)).resealed).toBe(0);
  });

  it("never overwrites a key another writer changed meanwhile", async () => {
    const inner = await seeded(createMemoryStore());
    const rotated = createKeyring({ keys: [K1, K2] });
    const concurrent = await rotated.seal("key-one-renewed");
    const store: ActivationStore = {
      ...inner,
      async replaceSealedApiKey(input) {
        if (input.companyId === 1) await inner.saveActivation(activation(1, concurrent));
        return inner.replaceSealedApiKey(input);
      },
    };
    const result = await rotateSealedKeys(store, rotated);
    expect(result).toMatchObject({ resealed: 1, changedMeanwhile: 1 });
    expect((await inner.getActivation(7, 1))?.sealedApiKey).toBe(concurrent);
  });

  it("only touches activations matching the filter", async () => {
    const store = await seeded(createMemoryStore());
    const result = await rotateSealedKeys(store, createKeyring({ keys: [K1, K2] }), {
      filter: { integrationId: 8 },
    });
    expect(result.examined).toBe(0);
  });
});
