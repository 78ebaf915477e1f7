import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContractStores } from "./contract-context.js";
import { at, BIG, PROPERTY_RUNS, storableText } from "./contract-fixtures.js";

const HOUR = 3600_000;

export function nonceCases(stores: () => ContractStores): void {
  describe("nonces", () => {
    it("consumed on first use, same_request for the same request, replayed for another", async () => {
      const { store } = stores();
      const input = { nonce: "n-1", requestId: BIG + 1, expiresAt: at(HOUR), now: at(0) };
      expect(await store.consumeNonce(input)).toBe("consumed");
      expect(await store.consumeNonce({ ...input, now: at(10) })).toBe("same_request");
      expect(await store.consumeNonce({ ...input, requestId: BIG + 2, now: at(20) })).toBe(
        "replayed",
      );
      expect(await store.consumeNonce({ ...input, nonce: "n-2", requestId: BIG + 2 })).toBe(
        "consumed",
      );
    });

    it("remembers a nonce until its expiry and forgets it after", async () => {
      const { store } = stores();
      const first = { nonce: "n-1", requestId: BIG + 1, expiresAt: at(HOUR), now: at(0) };
      expect(await store.consumeNonce(first)).toBe("consumed");
      const other = { ...first, requestId: BIG + 2, expiresAt: at(3 * HOUR) };
      expect(await store.consumeNonce({ ...other, now: at(HOUR) })).toBe("replayed");
      expect(await store.consumeNonce({ ...other, now: at(HOUR + 1) })).toBe("consumed");
      // The new consumption is remembered with its own expiry.
      expect(await store.consumeNonce({ ...first, now: at(2 * HOUR) })).toBe("replayed");
    });

    it("keeps any nonce text exactly (property)", async () => {
      const { store } = stores();
      let requestId = BIG;
      await fc.assert(
        fc.asyncProperty(storableText(100), async (nonce) => {
          requestId++;
          const input = {
            nonce: `p${requestId}:${nonce}`,
            requestId,
            expiresAt: at(HOUR),
            now: at(0),
          };
          expect(await store.consumeNonce(input)).toBe("consumed");
          expect(await store.consumeNonce(input)).toBe("same_request");
          expect(await store.consumeNonce({ ...input, requestId: requestId + BIG })).toBe(
            "replayed",
          );
        }),
        PROPERTY_RUNS,
      );
    });
  });
}
