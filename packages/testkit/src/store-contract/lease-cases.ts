import { describe, expect, it } from "vitest";
import type { ContractStores } from "./contract-context.js";
import { at } from "./contract-fixtures.js";

/** `acquire(holder, ms)`: acquireLease of lease `name` (`ttlMs`) by `holder` at at(ms). */
function leaseOf(store: ContractStores["store"], name: string, ttlMs: number) {
  return (holder: string, ms: number) => store.acquireLease({ name, ttlMs, holder, now: at(ms) });
}

/** Each turn: `holder` asks for the lease at at(ms); `taken` is whether it gets it. */
async function expectTurns(
  acquire: ReturnType<typeof leaseOf>,
  turns: Array<[holder: string, ms: number, taken: boolean]>,
): Promise<void> {
  for (const [holder, ms, taken] of turns) {
    expect(await acquire(holder, ms), `${holder} at ${ms} ms`).toBe(taken);
  }
}

export function leaseCases(stores: () => ContractStores): void {
  describe("leases", () => {
    it("a free lease is taken; another holder is refused until it expires", async () => {
      await expectTurns(leaseOf(stores().store, "reconcile:1", 1_000), [
        ["a", 0, true],
        ["b", 999, false],
        // Expired exactly at now + ttl: taken over.
        ["b", 1_000, true],
        ["a", 1_001, false],
      ]);
    });

    it("the holder extends its lease", async () => {
      await expectTurns(leaseOf(stores().store, "reconcile:1", 1_000), [
        ["a", 0, true],
        ["a", 800, true],
        ["b", 1_500, false],
        ["b", 1_800, true],
      ]);
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
