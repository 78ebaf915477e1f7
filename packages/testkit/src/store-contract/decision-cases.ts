import { describe, expect, it } from "vitest";
import type { ContractStores } from "./contract-context.js";
import { at, BIG, keyRecorder, newRequest } from "./contract-fixtures.js";

const [A, B, C, D] = [BIG + 101, BIG + 102, BIG + 103, BIG + 104] as const;
const REQ = BIG + 1;

export function decisionCases(stores: () => ContractStores): void {
  describe("decisions", () => {
    it("claimDecisions writes intents grouped by action and reason, one key per group", async () => {
      const { store } = stores();
      await store.saveRequest(newRequest({ companyIds: [A, B, C, D] }));
      const keys = keyRecorder();
      const result = await store.claimDecisions({
        requestId: REQ,
        intents: [
          { companyId: C, action: "reject", reason: "No contract" },
          { companyId: B, action: "approve", reason: null },
          { companyId: D, action: "reject", reason: "Other" },
          { companyId: A, action: "approve", reason: "ignored for approve" },
        ],
        keyFor: keys.keyFor,
        decidedBy: "instance-1",
        now: at(5),
      });
      expect(result.claimed).toEqual([A, B, C, D]);
      expect(keys.calls).toHaveLength(3);
      expect(keys.calls).toEqual(
        expect.arrayContaining([
          { action: "approve", reason: null, companyIds: [A, B] },
          { action: "reject", reason: "No contract", companyIds: [C] },
          { action: "reject", reason: "Other", companyIds: [D] },
        ]),
      );
      const base = {
        requestId: REQ,
        status: "intent",
        outcome: null,
        decidedBy: "instance-1",
        createdAt: at(5),
        appliedAt: null,
      };
      const approveKey = `key:approve:-:${A},${B}`;
      expect(result.records).toStrictEqual([
        { ...base, companyId: A, action: "approve", reason: null, idempotencyKey: approveKey },
        { ...base, companyId: B, action: "approve", reason: null, idempotencyKey: approveKey },
        {
          ...base,
          companyId: C,
          action: "reject",
          reason: "No contract",
          idempotencyKey: `key:reject:No contract:${C}`,
        },
        {
          ...base,
          companyId: D,
          action: "reject",
          reason: "Other",
          idempotencyKey: `key:reject:Other:${D}`,
        },
      ]);
      expect(await store.listDecisions(REQ)).toStrictEqual(result.records);
    });

    it("environments already claimed keep their first record; only the rest are claimed", async () => {
      const { store } = stores();
      const first = await store.claimDecisions({
        requestId: REQ,
        intents: [{ companyId: A, action: "approve", reason: null }],
        keyFor: keyRecorder().keyFor,
        decidedBy: "first",
        now: at(1),
      });
      expect(first.claimed).toEqual([A]);
      const keys = keyRecorder();
      const second = await store.claimDecisions({
        requestId: REQ,
        intents: [
          { companyId: A, action: "reject", reason: "late" },
          { companyId: B, action: "reject", reason: "late" },
        ],
        keyFor: keys.keyFor,
        decidedBy: "second",
        now: at(2),
      });
      expect(second.claimed).toEqual([B]);
      expect(keys.calls).toEqual([{ action: "reject", reason: "late", companyIds: [B] }]);
      expect(second.records.map((r) => [r.companyId, r.action, r.decidedBy])).toEqual([
        [A, "approve", "first"],
        [B, "reject", "second"],
      ]);
      expect(second.records[0]).toStrictEqual(first.records[0]);
    });

    it("claiming nothing new returns the records and calls keyFor never", async () => {
      const { store } = stores();
      const intents = [{ companyId: A, action: "approve" as const, reason: null }];
      const now = at(1);
      await store.claimDecisions({
        requestId: REQ,
        intents,
        keyFor: keyRecorder().keyFor,
        decidedBy: "x",
        now,
      });
      const keys = keyRecorder();
      const again = await store.claimDecisions({
        requestId: REQ,
        intents,
        keyFor: keys.keyFor,
        decidedBy: "y",
        now,
      });
      expect(again.claimed).toEqual([]);
      expect(again.records).toHaveLength(1);
      expect(keys.calls).toEqual([]);
      const empty = await store.claimDecisions({
        requestId: BIG + 77,
        intents: [],
        keyFor: keys.keyFor,
        decidedBy: "y",
        now,
      });
      expect(empty).toStrictEqual({ records: [], claimed: [] });
    });

    it("a company listed twice in one claim is claimed once, by its first intent", async () => {
      const { store } = stores();
      const result = await store.claimDecisions({
        requestId: REQ,
        intents: [
          { companyId: A, action: "reject", reason: "first" },
          { companyId: A, action: "approve", reason: null },
        ],
        keyFor: keyRecorder().keyFor,
        decidedBy: "x",
        now: at(1),
      });
      expect(result.claimed).toEqual([A]);
      expect(result.records.map((r) => [r.action, r.reason])).toEqual([["reject", "first"]]);
    });

    it("decisions of different requests are independent", async () => {
      const { store } = stores();
      const claim = (requestId: number) =>
        store.claimDecisions({
          requestId,
          intents: [{ companyId: A, action: "approve", reason: null }],
          keyFor: keyRecorder().keyFor,
          decidedBy: "x",
          now: at(1),
        });
      expect((await claim(REQ)).claimed).toEqual([A]);
      expect((await claim(REQ + 1)).claimed).toEqual([A]);
      expect(await store.listDecisions(REQ + 2)).toEqual([]);
    });

    it("markDecisionsApplied records the outcome; unknown environments and requests are ignored", async () => {
      const { store } = stores();
      await store.claimDecisions({
        requestId: REQ,
        intents: [
          { companyId: A, action: "approve", reason: null },
          { companyId: B, action: "reject", reason: "no" },
        ],
        keyFor: keyRecorder().keyFor,
        decidedBy: "x",
        now: at(1),
      });
      await store.markDecisionsApplied(
        REQ,
        [
          { companyId: A, outcome: "APPROVED" },
          { companyId: C, outcome: "APPROVED" },
        ],
        at(9),
      );
      await store.markDecisionsApplied(BIG + 404, [{ companyId: A, outcome: "REJECTED" }], at(9));
      const records = await store.listDecisions(REQ);
      expect(records.map((r) => [r.companyId, r.status, r.outcome, r.appliedAt])).toEqual([
        [A, "applied", "APPROVED", at(9)],
        [B, "intent", null, null],
      ]);
      expect(records[0]?.createdAt).toEqual(at(1));
      expect(await store.listDecisions(BIG + 404)).toEqual([]);
    });

    it("listUnappliedDecisions lists intents oldest first (then request, company), with a limit", async () => {
      const { store } = stores();
      const claim = (requestId: number, companyIds: number[], ms: number) =>
        store.claimDecisions({
          requestId,
          intents: companyIds.map((companyId) => ({
            companyId,
            action: "approve" as const,
            reason: null,
          })),
          keyFor: keyRecorder().keyFor,
          decidedBy: "x",
          now: at(ms),
        });
      await claim(REQ + 2, [B, A], 50);
      await claim(REQ + 1, [D], 50);
      await claim(REQ + 3, [C], 10);
      await claim(REQ + 4, [A], 70);
      await store.markDecisionsApplied(REQ + 4, [{ companyId: A, outcome: "APPROVED" }], at(80));
      const order = (await store.listUnappliedDecisions()).map((r) => [r.requestId, r.companyId]);
      expect(order).toEqual([
        [REQ + 3, C],
        [REQ + 1, D],
        [REQ + 2, A],
        [REQ + 2, B],
      ]);
      const limited = await store.listUnappliedDecisions(2);
      expect(limited.map((r) => [r.requestId, r.companyId])).toEqual(order.slice(0, 2));
      expect(limited[0]?.status).toBe("intent");
    });

    it("listUnappliedDecisions returns at most 100 by default", async () => {
      const { store } = stores();
      await store.claimDecisions({
        requestId: REQ,
        intents: Array.from({ length: 101 }, (_, i) => ({
          companyId: i + 1,
          action: "approve" as const,
          reason: null,
        })),
        keyFor: keyRecorder().keyFor,
        decidedBy: "x",
        now: at(1),
      });
      const listed = await store.listUnappliedDecisions();
      expect(listed).toHaveLength(100);
      expect(listed.at(-1)?.companyId).toBe(100);
    });
  });
}
