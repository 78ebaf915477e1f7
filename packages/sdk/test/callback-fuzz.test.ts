// Property-based fuzzing of the callback's method, query and headers, over
// real HTTP through the node:http adapter and in process through the Web
// core: always a 4xx, never a 5xx, never a decision (the sandbox and the
// store are unchanged afterwards).
import { Agent, createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type DecisionSandbox,
  decisionSandbox,
  signTestState,
  TEST_STATE_SECRET,
} from "@pcx/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nodeCallback } from "../src/callback/adapters/node-callback.js";
import {
  type ActivationStore,
  type CallbackHandler,
  createCallbackHandler,
  createMemoryStore,
  signState,
} from "../src/index.js";
import { type Case, type DeepRefusal, deepRefusalCases, pathOf } from "./callback-fuzz-cases.js";

/** In process: the core's own bound. */
const RUNS = 1000;
/** Over HTTP through the node adapter: fewer, each costs a connection's round trip. */
const HTTP_RUNS = 400;
/** Each property stops (and fails) past this. */
const TIME_LIMIT_MS = 15_000;

let w: DecisionSandbox;
let store: ActivationStore;
let handler: CallbackHandler;
let server: Server;
let base: string;
let agent: Agent;
let pending: Array<{ id: number; state: string }>;
let otherStates: string[];
let outcomes: { status: Map<number, number>; refusals: Map<string, number>; total: number };
let deepRefusals: DeepRefusal[];

async function storeSnapshot(): Promise<string> {
  const perRequest = await Promise.all(
    pending.map(async ({ id }) => ({
      request: await store.getRequest(id),
      decisions: await store.listDecisions(id),
    })),
  );
  return JSON.stringify({
    perRequest,
    unapplied: await store.listUnappliedDecisions(),
    activations: await store.listActivations(),
  });
}

function sandboxSnapshot(): string {
  const state = w.sandbox.engine.dumpState();
  return JSON.stringify({ requests: state.requests, audit: state.audit.length });
}

beforeAll(async () => {
  w = await decisionSandbox();
  const integrationId = w.publish();
  const otherIntegration = w.publish({ name: "Acme Payroll Sync" });
  pending = [];
  for (const companyId of [1001, 1004, 1005]) {
    const state = await signTestState(integrationId);
    pending.push({ id: w.start(integrationId, [companyId], state).id, state });
  }
  // A request without state (refused: requireState is on by default).
  pending.push({ id: w.start(integrationId, [1006]).id, state: "" });
  otherStates = [
    await signTestState(otherIntegration),
    await signState(
      { ref: "x" },
      { secret: "another-secret-another-secret-1234567", keyId: "k1", integrationId },
    ),
    await signState({ ref: "x" }, { secret: TEST_STATE_SECRET, keyId: "k9", integrationId }),
    await signTestState(integrationId, "expired", {
      now: () => new Date(Date.now() - 9 * 86_400_000),
    }),
  ];
  store = createMemoryStore();
  handler = createCallbackHandler({
    client: w.client,
    integrationId,
    stateSecrets: { k1: TEST_STATE_SECRET },
    store,
    sealer: false,
    onActivationRequest: (_request, ctx) => ctx.approveAll(),
    // Observes which refusal each case met (code and reason), without changing the answer.
    logger: {
      warn: (_message, fields) => {
        const refusal = `${fields?.code}${fields?.reason ? `/${fields.reason}` : ""}`;
        outcomes.refusals.set(refusal, (outcomes.refusals.get(refusal) ?? 0) + 1);
      },
      error: () => {},
    },
  });
  server = createServer(nodeCallback(handler));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  agent = new Agent({ keepAlive: true, maxSockets: 4 });
  deepRefusals = deepRefusalCases(pending, otherStates);
});

afterAll(async () => {
  agent?.destroy();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  server?.closeAllConnections();
  await w?.close();
});

/**
 * A state: valid ones (of other requests), mutated ones, foreign ones, junk.
 * Weighted towards the signed ones: only those get past the state check to
 * the API's answer about the request.
 */
const stateArb = (): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    {
      weight: 6,
      arbitrary: fc.constantFrom(...pending.map((p) => p.state).filter(Boolean), ...otherStates),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...pending.map((p) => p.state).filter(Boolean)),
          fc.nat(),
          fc.string({ maxLength: 3 }),
          fc.nat({ max: 4 }),
        )
        .map(([s, at, insert, cut]) => {
          const i = at % s.length;
          return s.slice(0, i) + insert + s.slice(i + cut);
        }),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
    {
      weight: 1,
      arbitrary: fc.stringMatching(
        /^v[0-9]\.[A-Za-z0-9_-]{0,6}\.[A-Za-z0-9_-]{0,30}\.[A-Za-z0-9_-]{0,45}$/,
      ),
    },
    { weight: 1, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.constant("x".repeat(3000)) },
  );

/** An id: mostly parseable ones (pending or not), so that the case reaches the API's answer. */
const idArb = (): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: fc.constantFrom(...pending.map((p) => String(p.id))) },
    { weight: 3, arbitrary: fc.integer({ min: -5, max: 10_000_000 }).map(String) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "0",
        "01",
        "1e3",
        "0x10",
        " 1",
        "1.0",
        "99999999999999999999",
        "NaN",
        "",
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );

const HEADER_NAME = /^[a-z][a-z0-9-]{0,15}$/;
const SKIPPED_HEADERS = new Set([
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "expect",
  "upgrade",
  "keep-alive",
  "te",
  "trailer",
]);

const caseArb = (methods: fc.Arbitrary<string>): fc.Arbitrary<Case> =>
  fc
    .record({
      method: methods,
      id: idArb(),
      state: stateArb(),
      duplicate: fc.constantFrom("none" as const, "none" as const, "id" as const, "state" as const),
      extra: fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), {
        maxLength: 3,
      }),
      headers: fc.dictionary(
        fc.stringMatching(HEADER_NAME).filter((name) => !SKIPPED_HEADERS.has(name)),
        fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,40}$/),
        { maxKeys: 4 },
      ),
    })
    // Never a real callback: a pending request's id with its own state.
    .filter(
      (c) =>
        !pending.some(
          // Only the canonical spelling names a request: " 1", "1.0", "01" and "0x1"
          // with request 1's own state are fuzzed, and must be refused.
          (p) => p.state && c.id === String(p.id) && p.state === c.state && c.duplicate === "none",
        ),
    );

function send(c: Case): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${pathOf(c)}`,
      { method: c.method, headers: c.headers, agent },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

function record(status: number): void {
  outcomes.status.set(status, (outcomes.status.get(status) ?? 0) + 1);
  outcomes.total++;
}

/** Every class of refusal was met, with its status: the fuzz went past the query check. */
function expectDeepCoverage(): void {
  for (const { status, refusal } of deepRefusals) {
    expect(outcomes.status.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    expect(outcomes.refusals.get(refusal) ?? 0, refusal).toBeGreaterThan(0);
  }
}

describe("callback fuzzing", () => {
  beforeEach(() => {
    outcomes = { status: new Map(), refusals: new Map(), total: 0 };
  });

  it("answers each class of refusal with its own status", async () => {
    for (const { status, refusal, case: c } of deepRefusals) {
      outcomes.refusals.clear();
      const response = await handler.handle(
        new Request(`https://acme.example${pathOf(c)}`, { method: c.method }),
      );
      expect(response.status, `${c.method} ${pathOf(c)}`).toBe(status);
      expect([...outcomes.refusals.keys()], `${c.method} ${pathOf(c)}`).toEqual([refusal]);
    }
  });

  it(`answers ${HTTP_RUNS} random callbacks over HTTP with a 4xx and decides nothing`, async () => {
    const beforeSandbox = sandboxSnapshot();
    const beforeStore = await storeSnapshot();
    const started = Date.now();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        caseArb(
          fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom("GET", "HEAD") },
            {
              weight: 2,
              arbitrary: fc.constantFrom("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"),
            },
          ),
        ),
        async (c) => {
          runs++;
          const answer = await send(c);
          record(answer.status);
          expect(answer.status, `${c.method} ${pathOf(c)}`).toBeGreaterThanOrEqual(400);
          expect(answer.status, `${c.method} ${pathOf(c)}`).toBeLessThan(500);
          if (c.method === "HEAD") expect(answer.body).toBe("");
          else expect(answer.body).not.toMatch(/\bat .+:\d+:\d+/); // never a stack trace
        },
      ),
      {
        // fast-check counts the examples in numRuns: these are HTTP_RUNS random cases on top.
        numRuns: HTTP_RUNS + deepRefusals.length,
        examples: deepRefusals.map((d) => [d.case] as [Case]),
        interruptAfterTimeLimit: TIME_LIMIT_MS,
        markInterruptAsFailure: true,
      },
    );
    expect(runs).toBeGreaterThanOrEqual(HTTP_RUNS + deepRefusals.length);
    expect(Date.now() - started).toBeLessThan(TIME_LIMIT_MS);
    expect(sandboxSnapshot()).toBe(beforeSandbox);
    expect(await storeSnapshot()).toBe(beforeStore);
    expectDeepCoverage();
  }, 60_000);

  it(`answers ${RUNS} random Web Requests in process with a 4xx and decides nothing`, async () => {
    const beforeSandbox = sandboxSnapshot();
    const beforeStore = await storeSnapshot();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        caseArb(
          fc.constantFrom(
            "GET",
            "GET",
            "HEAD",
            "POST",
            "PUT",
            "DELETE",
            "PATCH",
            "OPTIONS",
            "QUERY",
          ),
        ),
        async (c) => {
          runs++;
          const response = await handler.handle(
            new Request(`https://acme.example${pathOf(c)}`, {
              method: c.method,
              headers: c.headers,
            }),
          );
          record(response.status);
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          if (c.method === "HEAD") expect(await response.text()).toBe("");
        },
      ),
      {
        numRuns: RUNS + deepRefusals.length,
        examples: deepRefusals.map((d) => [d.case] as [Case]),
        interruptAfterTimeLimit: TIME_LIMIT_MS,
        markInterruptAsFailure: true,
      },
    );
    expect(runs).toBeGreaterThanOrEqual(RUNS + deepRefusals.length);
    expect(sandboxSnapshot()).toBe(beforeSandbox);
    expect(await storeSnapshot()).toBe(beforeStore);
    expectDeepCoverage();
  }, 60_000);
});
