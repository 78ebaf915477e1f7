import { describe, expect, it } from "vitest";
import type { ContractStores } from "./contract-context.js";
import { at } from "./contract-fixtures.js";

export function leaseCases(stores: () => ContractStores): void {
  describe("leases", () => {
    it("a free lease is taken; another holder is refused until it expires", async () => {
      const { store } = stores();
      const lease = { name: "reconcile:1", ttlMs: 1_000 };
      expect(await store.acquireLease({ ...lease, holder: "a", now: at(0) })).toBe(true);
      expect(await store.acquireLease({ ...lease, holder: "b", now: at(999) })).toBe(false);
      // Expired exactly at now + ttl: taken over.
      expect(await store.acquireLease({ ...lease, holder: "b", now: at(1_000) })).toBe(true);
      expect(await store.acquireLease({ ...lease, holder: "a", now: at(1_001) })).toBe(false);
    });

    it("the holder extends its lease", async () => {
      const { store } = stores();
      const lease = { name: "reconcile:1", ttlMs: 1_000 };
      expect(await store.acquireLease({ ...lease, holder: "a", now: at(0) })).toBe(true);
      expect(await store.acquireLease({ ...lease, holder: "a", now: at(800) })).toBe(true);
      expect(await store.acquireLease({ ...lease, holder: "b", now: at(1_500) })).toBe(false);
      expect(await store.acquireLease({ ...lease, holder: "b", now: at(1_800) })).toBe(true);
    });

    it("releaseLease frees it for its holder only", async () => {
      const { store } = stores();
      const lease = { name: "reconcile:1", ttlMs: 60_000 };
      await store.acquireLease({ ...lease, holder: "a", now: at(0) });
      await store.releaseLease(lease.name, "b");
      expect(await store.acquireLease({ ...lease, holder: "b", now: at(1) })).toBe(false);
      await store.releaseLease(lease.name, "a");
      expect(await store.acquireLease({ ...lease, holder: "b", now: at(2) })).toBe(true);
      await store.releaseLease("never-taken", "a");
    });

    it("leases are independent by name", async () => {
      const { store } = stores();
      expect(await store.acquireLease({ name: "x", holder: "a", ttlMs: 1_000, now: at(0) })).toBe(
        true,
      );
      expect(await store.acquireLease({ name: "y", holder: "b", ttlMs: 1_000, now: at(0) })).toBe(
        true,
      );
      expect(await store.acquireLease({ name: "x", holder: "b", ttlMs: 1_000, now: at(0) })).toBe(
        false,
      );
    });
  });
}
