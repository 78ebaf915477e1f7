import type { ActivationStore, DecisionAction } from "@pcx/sdk";
import { describe, expect, it } from "vitest";
import type { ContractStores } from "./contract-context.js";
import { at, BIG, keyRecorder, newRequest } from "./contract-fixtures.js";

const ROUNDS = 12;
const COMPANIES = [BIG + 101, BIG + 102, BIG + 103];

/** Two instances (or one, twice) racing: each call alternates between them. */
async function writers({
  store,
  second,
}: ContractStores): Promise<[ActivationStore, ActivationStore]> {
  return [store, await second()];
}

export function concurrencyCases(stores: () => ContractStores): void {
  describe("concurrency (two writers)", () => {
    it("two writers deciding one environment: exactly one claim wins, both see the winner", async () => {
      const [a, b] = await writers(stores());
      for (let round = 0; round < ROUNDS; round++) {
        const requestId = BIG + 1_000 + round;
        const claim = (
          store: ActivationStore,
          who: string,
          action: DecisionAction,
          companyIds: number[],
        ) =>
          store.claimDecisions({
            requestId,
            intents: companyIds.map((companyId) => ({
              companyId,
              action,
              reason: action === "reject" ? `by ${who}` : null,
            })),
            keyFor: keyRecorder().keyFor,
            decidedBy: who,
            now: at(round),
          });
        // Overlapping sets, so partial wins interleave with full ones.
        const results = await Promise.all([
          claim(a, "a1", "approve", COMPANIES),
          claim(b, "b1", "reject", COMPANIES),
          claim(a, "a2", "reject", COMPANIES.slice(1)),
          claim(b, "b2", "approve", COMPANIES.slice(0, 2)),
        ]);
        const claimed = results.flatMap((r) => r.claimed).sort((x, y) => x - y);
        expect(claimed).toEqual(COMPANIES);
        const stored = await a.listDecisions(requestId);
        expect(stored).toHaveLength(COMPANIES.length);
        expect(await b.listDecisions(requestId)).toStrictEqual(stored);
        for (const [index, result] of results.entries()) {
          // Every caller sees the winners' records, never its own lost intent.
          for (const record of result.records) {
            expect(stored.find((s) => s.companyId === record.companyId)).toStrictEqual(record);
          }
          for (const companyId of result.claimed) {
            expect(stored.find((s) => s.companyId === companyId)?.decidedBy).toBe(
              ["a1", "b1", "a2", "b2"][index],
            );
          }
        }
      }
    });

    it("concurrent first sightings of a request store one row", async () => {
      const [a, b] = await writers(stores());
      const rows = await Promise.all(
        ["r1", "r2", "r3", "r4"].map((ref, i) =>
          (i % 2 ? b : a).saveRequest(newRequest({ ref, seenAt: at(i) })),
        ),
      );
      const stored = await a.getRequest(BIG + 1);
      expect(stored).toBeDefined();
      for (const row of rows) expect(row).toStrictEqual(stored);
    });

    it("a nonce consumed concurrently by several requests is consumed by exactly one", async () => {
      const [a, b] = await writers(stores());
      for (let round = 0; round < ROUNDS; round++) {
        const answers = await Promise.all(
          [0, 1, 2, 3].map((i) =>
            (i % 2 ? b : a).consumeNonce({
              nonce: `race-${round}`,
              requestId: BIG + i,
              expiresAt: at(3600_000),
              now: at(round),
            }),
          ),
        );
        expect(answers.filter((x) => x === "consumed")).toHaveLength(1);
        expect(answers.filter((x) => x === "replayed")).toHaveLength(3);
      }
    });

    it("a lease raced by several holders goes to exactly one", async () => {
      const [a, b] = await writers(stores());
      for (let round = 0; round < ROUNDS; round++) {
        const won = await Promise.all(
          ["h0", "h1", "h2", "h3"].map((holder, i) =>
            (i % 2 ? b : a).acquireLease({
              name: `race-${round}`,
              holder,
              ttlMs: 5_000,
              now: at(0),
            }),
          ),
        );
        expect(won.filter(Boolean)).toHaveLength(1);
      }
    });

    it("lease expiry and takeover between two instances", async () => {
      const [a, b] = await writers(stores());
      const lease = { name: "reconcile:500", ttlMs: 30_000 };
      expect(await a.acquireLease({ ...lease, holder: "a", now: at(0) })).toBe(true);
      expect(await b.acquireLease({ ...lease, holder: "b", now: at(29_999) })).toBe(false);
      expect(await a.acquireLease({ ...lease, holder: "a", now: at(20_000) })).toBe(true);
      expect(await b.acquireLease({ ...lease, holder: "b", now: at(49_999) })).toBe(false);
      // a stopped renewing (crashed): b takes over at expiry, a cannot come back.
      const race = await Promise.all([
        b.acquireLease({ ...lease, holder: "b", now: at(50_000) }),
        b.acquireLease({ ...lease, holder: "c", now: at(50_000) }),
      ]);
      expect(race.filter(Boolean)).toHaveLength(1);
      const winner = race[0] ? "b" : "c";
      expect(await a.acquireLease({ ...lease, holder: "a", now: at(50_001) })).toBe(false);
      await a.releaseLease(lease.name, "a");
      expect(await a.acquireLease({ ...lease, holder: "a", now: at(50_002) })).toBe(false);
      await b.releaseLease(lease.name, winner);
      expect(await a.acquireLease({ ...lease, holder: "a", now: at(50_003) })).toBe(true);
    });

    it("what one instance writes the other reads", async () => {
      const [a, b] = await writers(stores());
      await a.claimDecisions({
        requestId: BIG + 1,
        intents: [{ companyId: BIG + 101, action: "approve", reason: null }],
        keyFor: keyRecorder().keyFor,
        decidedBy: "a",
        now: at(0),
      });
      expect(await b.listUnappliedDecisions()).toHaveLength(1);
      await b.markDecisionsApplied(BIG + 1, [{ companyId: BIG + 101, outcome: "APPROVED" }], at(1));
      expect(await a.listUnappliedDecisions()).toEqual([]);
      expect((await a.listDecisions(BIG + 1))[0]?.status).toBe("applied");
    });
  });
}
