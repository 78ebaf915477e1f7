import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContractStores } from "./contract-context.js";
import { at, BIG, newRequest, PROPERTY_RUNS, storableText } from "./contract-fixtures.js";

export function requestCases(stores: () => ContractStores): void {
  describe("requests", () => {
    it("saveRequest stores a request, not deferred, and getRequest reads it back", async () => {
      const { store } = stores();
      const request = newRequest();
      const saved = await store.saveRequest(request);
      expect(saved).toStrictEqual({ ...request, deferred: false });
      expect(await store.getRequest(request.requestId)).toStrictEqual(saved);
      expect(await store.getRequest(BIG + 999)).toBeUndefined();
    });

    it("the first sighting wins: saving again returns the stored row unchanged", async () => {
      const { store } = stores();
      const first = newRequest();
      await store.saveRequest(first);
      const again = newRequest({
        integrationVersion: 4,
        ref: "other",
        stateNonce: null,
        companyIds: [1],
        seenAt: at(60_000),
      });
      expect(await store.saveRequest(again)).toStrictEqual({ ...first, deferred: false });
      expect(await store.getRequest(first.requestId)).toStrictEqual({ ...first, deferred: false });
    });

    it("keeps nulls, UPDATE requests and millisecond times; drops fields the interface lacks", async () => {
      const { store } = stores();
      const request = newRequest({
        requestId: BIG + 2,
        kind: "UPDATE",
        ref: null,
        stateNonce: null,
        companyIds: [],
        expiresAt: at(123),
        seenAt: at(7),
      });
      await store.saveRequest({ ...request, extra: "not stored" } as typeof request);
      expect(await store.getRequest(request.requestId)).toStrictEqual({
        ...request,
        deferred: false,
      });
    });

    it("setRequestDeferred sets and clears the flag; an unknown request is ignored", async () => {
      const { store } = stores();
      const request = newRequest();
      await store.saveRequest(request);
      await store.setRequestDeferred(request.requestId, true);
      expect((await store.getRequest(request.requestId))?.deferred).toBe(true);
      expect((await store.saveRequest(request)).deferred).toBe(true);
      await store.setRequestDeferred(request.requestId, false);
      expect((await store.getRequest(request.requestId))?.deferred).toBe(false);
      await store.setRequestDeferred(BIG + 999, true);
      expect(await store.getRequest(BIG + 999)).toBeUndefined();
    });

    it("round-trips any text and ids (property)", async () => {
      const { store } = stores();
      let requestId = BIG + 10_000;
      await fc.assert(
        fc.asyncProperty(
          fc.option(storableText(), { nil: null }),
          fc.option(storableText(), { nil: null }),
          fc.array(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), { maxLength: 5 }),
          fc.integer({ min: 0, max: 4_000_000_000_000 }),
          async (ref, stateNonce, companyIds, ms) => {
            requestId++;
            const request = newRequest({
              requestId,
              ref,
              stateNonce,
              companyIds,
              seenAt: new Date(ms),
            });
            await store.saveRequest(request);
            expect(await store.getRequest(requestId)).toStrictEqual({
              ...request,
              deferred: false,
            });
          },
        ),
        PROPERTY_RUNS,
      );
    });
  });
}
