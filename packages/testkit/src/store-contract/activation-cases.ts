import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContractStores } from "./contract-context.js";
import { at, BIG, newActivation, PROPERTY_RUNS, storableText } from "./contract-fixtures.js";

export function activationCases(stores: () => ContractStores): void {
  describe("activations", () => {
    it("saveActivation inserts, getActivation reads it back, unknown is undefined", async () => {
      const { store } = stores();
      const activation = newActivation();
      await store.saveActivation({ ...activation, extra: "not stored" } as typeof activation);
      expect(
        await store.getActivation(activation.integrationId, activation.companyId),
      ).toStrictEqual(activation);
      expect(await store.getActivation(activation.integrationId, BIG + 999)).toBeUndefined();
      expect(await store.getActivation(BIG + 999, activation.companyId)).toBeUndefined();
    });

    it("saveActivation replaces the row of the same integration and company", async () => {
      const { store } = stores();
      await store.saveActivation(newActivation());
      const changed = newActivation({
        status: "UPDATE_REQUIRED",
        version: 4,
        sealedApiKey: null,
        requestId: null,
        companyName: "Acme Group Oy",
        updatedAt: at(9_000),
      });
      await store.saveActivation(changed);
      expect(await store.listActivations()).toStrictEqual([changed]);
    });

    it("listActivations filters by integration and status, ordered by integration then company", async () => {
      const { store } = stores();
      const rows = [
        newActivation({ integrationId: 2, companyId: 20, status: "ACTIVE" }),
        newActivation({ integrationId: 1, companyId: 30, status: "REMOVED" }),
        newActivation({ integrationId: 1, companyId: 10, status: "ACTIVE" }),
        newActivation({ integrationId: 2, companyId: 5, status: "UPDATE_REQUIRED" }),
      ];
      for (const row of rows) await store.saveActivation(row);
      const ids = (list: Array<{ integrationId: number; companyId: number }>) =>
        list.map((a) => `${a.integrationId}/${a.companyId}`);
      expect(ids(await store.listActivations())).toEqual(["1/10", "1/30", "2/5", "2/20"]);
      expect(ids(await store.listActivations({}))).toEqual(["1/10", "1/30", "2/5", "2/20"]);
      expect(ids(await store.listActivations({ integrationId: 2 }))).toEqual(["2/5", "2/20"]);
      expect(ids(await store.listActivations({ status: "ACTIVE" }))).toEqual(["1/10", "2/20"]);
      expect(ids(await store.listActivations({ integrationId: 1, status: "REMOVED" }))).toEqual([
        "1/30",
      ]);
      expect(await store.listActivations({ integrationId: 3 })).toEqual([]);
    });

    it("replaceSealedApiKey swaps the key only when it still holds the expected value", async () => {
      const { store } = stores();
      const activation = newActivation({ sealedApiKey: "sealed-old" });
      await store.saveActivation(activation);
      const key = { integrationId: activation.integrationId, companyId: activation.companyId };
      expect(await store.replaceSealedApiKey({ ...key, from: "not-it", to: "x" })).toBe(false);
      expect(
        await store.replaceSealedApiKey({ ...key, from: "sealed-old", to: "sealed-new" }),
      ).toBe(true);
      expect(await store.getActivation(key.integrationId, key.companyId)).toStrictEqual({
        ...activation,
        sealedApiKey: "sealed-new",
      });
      expect(await store.replaceSealedApiKey({ ...key, from: "sealed-old", to: "again" })).toBe(
        false,
      );
      expect(
        await store.replaceSealedApiKey({
          ...key,
          companyId: BIG + 999,
          from: "sealed-new",
          to: "y",
        }),
      ).toBe(false);
      await store.saveActivation({ ...activation, sealedApiKey: null });
      expect(await store.replaceSealedApiKey({ ...key, from: "sealed-new", to: "z" })).toBe(false);
      expect(
        (await store.getActivation(key.integrationId, key.companyId))?.sealedApiKey,
      ).toBeNull();
    });

    it("round-trips any text (property)", async () => {
      const { store } = stores();
      let companyId = 1;
      await fc.assert(
        fc.asyncProperty(
          storableText(),
          storableText(),
          storableText(),
          fc.option(storableText(200), { nil: null }),
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          async (companyName, businessId, technicalUsername, sealedApiKey, version) => {
            companyId++;
            const activation = newActivation({
              companyId,
              companyName,
              businessId,
              technicalUsername,
              sealedApiKey,
              version,
            });
            await store.saveActivation(activation);
            expect(await store.getActivation(activation.integrationId, companyId)).toStrictEqual(
              activation,
            );
          },
        ),
        PROPERTY_RUNS,
      );
    });
  });
}
