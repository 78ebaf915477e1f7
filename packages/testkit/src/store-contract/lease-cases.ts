import { describe, expect, it } from "vitest";
import type { ContractStores } from "./contract-context.js";
import { at } from "./contract-fixtures.js";

/** `acquire(holder, ms)`: acquireLease of lease `name` (`ttlMs`) by `holder` at at(ms). */
function leaseOf(store: ContractStores["store"], name: string, ttlMs: number) {
  return (holder: string, ms: number) => store.acquireLease({ name, ttlMs, holder, now: at(ms) });
}

/** "HOLDER@MS taken|refused": `holder` asks for the lease at at(MS) and gets it, or not. */
type Turn = `${string}@${number} ${"taken" | "refused"}`;

/** Plays the turns in order, expecting each one's outcome. */
async function expectTurns(acquire: ReturnType<typeof leaseOf>, turns: Turn[]): Promise<void> {
  for (const turn of turns) {
    const [, holder, ms, outcome] = /^(.+)@(\d+) (taken|refused)$/.exec(turn) ?? [];
    expect(await acquire(holder as string, Number(ms)), turn).toBe(outcome === "taken");
  }
}

export function leaseCases(stores: () => ContractStores): void {
  describe("leases", () => {
    it.each<{ title: string; turns: Turn[] }>([
      {
        title: "a free lease is taken; another holder is refused until it expires",
        // b@1000: expired exactly at now + ttl, so taken over.
        turns: ["a@0 taken", "b@999 refused", "b@1000 taken", "a@1001 refused"],
      },
      {
        title: "the holder extends its lease",
        turns: ["a@0 taken", "a@800 taken", "b@1500 refused", "b@1800 taken"],
      },
    ])("$title", async ({ turns }) => {
      await expectTurns(leaseOf(stores().store, "reconcile:1", 1_000), turns);
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
