import { describe, expect, it } from "vitest";
import type { ContractStores } from "./contract-context.js";
import { at } from "./contract-fixtures.js";

/** `acquire(holder, ms)`: acquireLease of lease `name` (`ttlMs`) by `holder` at at(ms). */
function leaseOf(store: ContractStores["store"], name: string, ttlMs: number) {
  return (holder: string, ms: number) => store.acquireLease({ name, ttlMs, holder, now: at(ms) });
}

export function leaseCases(stores: () => ContractStores): void {
  describe("leases", () => {
    it("a free lease is taken; another holder is refused until it expires", async () => {
      const acquire = leaseOf(stores().store, "reconcile:1", 1_000);
      expect(await acquire("a", 0)).toBe(true);
      expect(await acquire("b", 999)).toBe(false);
      // Expired exactly at now + ttl: taken over.
      expect(await acquire("b", 1_000)).toBe(true);
      expect(await acquire("a", 1_001)).toBe(false);
    });

    it("the holder extends its lease", async () => {
      const acquire = leaseOf(stores().store, "reconcile:1", 1_000);
      expect(await acquire("a", 0)).toBe(true);
      expect(await acquire("a", 800)).toBe(true);
      expect(await acquire("b", 1_500)).toBe(false);
      expect(await acquire("b", 1_800)).toBe(true);
    });

    it("releaseLease frees it for its holder only", async () => {
      const { store } = stores();
      const acquire = leaseOf(store, "reconcile:1", 60_000);
      await acquire("a", 0);
      await store.releaseLease("reconcile:1", "b");
      expect(await acquire("b", 1)).toBe(false);
      await store.releaseLease("reconcile:1", "a");
      expect(await acquire("b", 2)).toBe(true);
      await store.releaseLease("never-taken", "a");
    });

    it("leases are independent by name", async () => {
      const { store } = stores();
      expect(await leaseOf(store, "x", 1_000)("a", 0)).toBe(true);
      expect(await leaseOf(store, "y", 1_000)("b", 0)).toBe(true);
      expect(await leaseOf(store, "x", 1_000)("b", 0)).toBe(false);
    });
  });
}
