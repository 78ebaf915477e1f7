import { fakeTime } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import type { SandboxState } from "../src/index.js";
import { mulberry32 } from "../src/random/mulberry32.js";
import { checkInvariants } from "./check-invariants.js";
import { admin, CLOCK_START, definition, RAISED_RIGHTS, sandbox } from "./helpers.js";
import { resilientClient } from "./resilient-client.js";

const CALLS = 1_000;
const CONCURRENCY = 12;

type Failure = { op: string; status: number; body: unknown };

describe("invariants under chaos", () => {
  it(`holds after ${CALLS} mixed calls at chaos 0.3 with ${CONCURRENCY} in flight`, {
    timeout: 90_000,
  }, async () => {
    // An injected clock that moves 0.5 s per call: requests not answered within ~60 calls expire.
    const clock = fakeTime(CLOCK_START);
    const s = await sandbox({ chaos: 0.3, seed: 42, requestTtlMs: 30_000, now: clock.now });
    const { call, stats: clientStats } = resilientClient(s);
    const random = mulberry32(4242);
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
    const integrations: number[] = [];
    // Every logical create and update the client saw succeed, to compare with the sandbox's state.
    const versionsSeen = new Map<number, number>();
    const requests: { id: number; companyIds: number[] }[] = [];
    const failures: Failure[] = [];
    const expectStatus = (
      op: string,
      answer: { status: number; body: unknown },
      allowed: number[],
    ) => {
      if (!allowed.includes(answer.status)) failures.push({ op, ...answer });
    };
    let nonce = 0;
    const key = (prefix: string) => `${prefix}-${++nonce}`;

    const ops: [number, () => Promise<void>][] = [
      [
        5,
        async () => {
          const limit = pick([undefined, 2, 3, 5]);
          const def = definition(limit === undefined ? {} : { maxConcurrentActivations: limit });
          const created = await call("POST", "/integrations", { definition: def }, key("create"));
          expectStatus("create", created, [201]);
          if (created.status === 201) {
            integrations.push(created.body.id);
            versionsSeen.set(created.body.id, 1);
          }
        },
      ],
      [
        6,
        async () => {
          const id = pick(integrations);
          if (id === undefined) return;
          const def =
            random() < 0.5
              ? definition({}, RAISED_RIGHTS)
              : definition({ description: `Version at ${Date.now()} for invariants.` });
          const updated = await call(
            "PUT",
            `/integrations/${id}`,
            { definition: def },
            key("update"),
          );
          expectStatus("update", updated, [200]);
          if (updated.status === 200) versionsSeen.set(id, (versionsSeen.get(id) ?? 0) + 1);
        },
      ],
      [
        9,
        async () => {
          const id = pick(integrations);
          if (id === undefined) return;
          const decision = random() < 0.85 ? "approve" : "request-changes";
          expectStatus(
            "review",
            await admin(s, "POST", `/integrations/${id}/review`, { decision, comment: "Checked." }),
            [200, 409],
          );
        },
      ],
      [
        5,
        async () => {
          const id = pick(integrations);
          if (id === undefined) return;
          const limit = pick([null, 1, 2, 4, 6]) ?? null;
          expectStatus(
            "limits",
            await call(
              "PUT",
              `/integrations/${id}/limits`,
              { maxConcurrentActivations: limit },
              key("limits"),
            ),
            [200],
          );
        },
      ],
      [
        20,
        async () => {
          const id = pick(integrations);
          if (id === undefined) return;
          const userId = random() < 0.8 ? 1 : 2;
          const envs = await admin(
            s,
            "GET",
            `/users/${userId}/environments?integrationId=${id}&selectable=true`,
          );
          const ids = (envs.body as { companyId: number }[])
            .map((e) => e.companyId)
            .filter(() => random() < 0.35);
          if (ids.length === 0) return;
          const started = await admin(s, "POST", "/activation-requests", {
            userId,
            integrationId: id,
            companyIds: ids,
            state: `st-${nonce}`,
          });
          expectStatus("start", started, [201, 409, 422]);
          if (started.status === 201)
            requests.push({ id: started.body.request.id, companyIds: ids });
        },
      ],
      [
        5,
        async () => {
          const id = pick(integrations);
          if (id === undefined) return;
          const started = await admin(s, "POST", "/update-requests", {
            userId: random() < 0.8 ? 1 : 2,
            integrationId: id,
          });
          expectStatus("update-request", started, [201, 409, 422]);
          if (started.status === 201)
            requests.push({
              id: started.body.request.id,
              companyIds: started.body.request.environments.map(
                (e: { companyId: number }) => e.companyId,
              ),
            });
        },
      ],
      [
        22,
        async () => {
          const request = pick(requests.slice(-15));
          if (!request) return;
          const subset =
            random() < 0.5 ? undefined : request.companyIds.filter(() => random() < 0.6);
          const body = subset && subset.length > 0 ? { environments: subset } : {};
          const k = `approve:${request.id}:${subset?.join(",") ?? "all"}`;
          // Sometimes two backend instances answer the same callback at once.
          const answers = await Promise.all(
            random() < 0.2
              ? [
                  call("POST", `/activation-requests/${request.id}/approve`, body, k),
                  call("POST", `/activation-requests/${request.id}/approve`, body, k),
                ]
              : [call("POST", `/activation-requests/${request.id}/approve`, body, k)],
          );
          for (const answer of answers) expectStatus("approve", answer, [200, 409]);
          for (const answer of answers)
            if (answer.status === 409)
              expect(answer.body.errors[0].code).toMatch(/^(ALREADY_DECIDED|REQUEST_EXPIRED)$/);
        },
      ],
      [
        10,
        async () => {
          const request = pick(requests.slice(-15));
          if (!request) return;
          const answer = await call(
            "POST",
            `/activation-requests/${request.id}/reject`,
            { reason: `Not a customer (${request.id}).` },
            `reject:${request.id}:all`,
          );
          expectStatus("reject", answer, [200, 409]);
        },
      ],
      [
        6,
        async () => {
          const id = pick(integrations);
          if (id === undefined) return;
          const list = await call("GET", `/integrations/${id}/activations?status=ACTIVE&size=200`);
          expectStatus("list-activations", list, [200]);
          const target = pick(list.body?.results ?? []) as { companyId: number } | undefined;
          if (!target) return;
          const answer = await call(
            "POST",
            `/integrations/${id}/activations/${target.companyId}/deactivate`,
            undefined,
            key("deactivate"),
          );
          expectStatus("deactivate", answer, [200, 409]);
        },
      ],
      [
        12,
        async () => {
          const id = pick(integrations);
          const path =
            id === undefined
              ? "/integrations?size=5"
              : pick([
                  `/integrations/${id}/activation-requests?page=0&size=7`,
                  `/integrations/${id}`,
                  `/integrations/${id}/limits`,
                  "/integrations?page=1&size=3",
                ]);
          expectStatus("read", await call("GET", path as string), [200]);
        },
      ],
    ];
    const total = ops.reduce((sum, [weight]) => sum + weight, 0);
    const nextOp = () => {
      let r = random() * total;
      for (const [weight, op] of ops) {
        r -= weight;
        if (r < 0) return op;
      }
      return ops[0]?.[1] as () => Promise<void>;
    };

    const started = performance.now();
    let issued = 0;
    // Seed a few integrations first so customers have something to activate.
    for (let i = 0; i < 3; i++) await ops[0]?.[1]();
    for (const id of integrations)
      await admin(s, "POST", `/integrations/${id}/review`, { decision: "approve" });
    issued += 6;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (issued < CALLS) {
          issued++;
          clock.advance(500);
          await nextOp()();
        }
      }),
    );
    const elapsed = performance.now() - started;

    expect(failures).toEqual([]);
    const state = (await admin(s, "GET", "/state")).body as SandboxState & {
      stats: typeof s.stats;
    };
    checkInvariants(state);
    // Answers lost after the change was applied were replayed, not applied again:
    // exactly one integration per create and one version per update the client saw.
    expect(state.integrations.map((i) => [i.id, i.versions.length])).toEqual(
      [...versionsSeen.entries()].sort((a, b) => a[0] - b[0]),
    );

    // Chaos did inject both kinds of faults, and clients survived lost answers by replaying.
    expect(state.stats.faults["drop-after"] ?? 0).toBeGreaterThan(0);
    expect(state.stats.faults["drop-before"] ?? 0).toBeGreaterThan(0);
    expect(state.stats.faults["429"] ?? 0).toBeGreaterThan(0);
    expect(state.stats.idempotentReplays).toBeGreaterThan(0);
    const decided = state.requests
      .flatMap((r) => r.environments)
      .filter((e) => e.status === "APPROVED");
    expect(decided.length).toBeGreaterThan(20);
    expect(state.requests.some((r) => r.status === "EXPIRED")).toBe(true);
    expect(state.activations.some((a) => a.status === "UPDATE_REQUIRED" || a.version > 1)).toBe(
      true,
    );
    console.info(
      `invariant run: ${CALLS} calls in ${Math.round(elapsed)} ms; ${clientStats.attempts} HTTP attempts, ${clientStats.networkErrors} dropped, faults ${JSON.stringify(state.stats.faults)}, replays ${state.stats.idempotentReplays}; ${state.requests.length} requests, ${decided.length} approved environments, ${state.activations.length} activations`,
    );
    expect(elapsed).toBeLessThan(60_000);
  });
});
