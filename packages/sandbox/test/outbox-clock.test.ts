import { createClient } from "@pcx/sdk";
import { inProcessSandbox } from "@pcx/testkit/sandbox";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  advanceClock,
  DEMO_CREDENTIALS,
  type RunningSandbox,
  type SandboxEmail,
  SandboxError,
} from "../src/index.js";
import { definition, sandbox, tokenRequest } from "./helpers.js";
import { pageAgent } from "./pages-agent.js";

const CLIENT = DEMO_CREDENTIALS.clientId;

type OutboxEntry = SandboxEmail & {
  messages: Record<"en" | "fi", { subject: string; text: string }>;
};

async function outbox(s: RunningSandbox, query = ""): Promise<OutboxEntry[]> {
  const res = await fetch(`${s.url}/sandbox/outbox${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as OutboxEntry[];
}

async function published(options: Parameters<typeof sandbox>[0] = {}) {
  const s = await sandbox(options);
  const { id } = s.engine.createIntegration(CLIENT, definition());
  s.engine.reviewIntegration(id, "approve");
  return { s, id };
}

async function postClock(s: RunningSandbox, body: unknown) {
  const res = await fetch(`${s.url}/sandbox/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe("the status e-mail", () => {
  it("is sent once every environment is decided, with each outcome and reason, in English and Finnish", async () => {
    const { s, id } = await published();
    const { request } = s.engine.startActivation({
      userId: 1,
      integrationId: id,
      companyIds: [1001, 1004],
    });
    s.engine.approveActivationRequest(CLIENT, request.id, { environments: [1001] });
    expect(await outbox(s)).toEqual([]); // 1004 is still pending
    s.engine.rejectActivationRequest(CLIENT, request.id, { reason: "No contract with Acme." });

    const [email, ...more] = await outbox(s);
    expect(more).toEqual([]);
    expect(email?.to).toEqual({
      userId: 1,
      name: "Maija Meikäläinen",
      email: "maija.meikalainen@example.fi",
    });
    expect(email?.request).toMatchObject({
      id: request.id,
      kind: "ACTIVATION",
      status: "COMPLETED",
      integrationName: "Acme Invoice Sync",
      supportUrl: "https://acme.example/support",
    });
    expect(email?.environments.map((e) => [e.companyId, e.status, e.reason])).toEqual([
      [1001, "APPROVED", null],
      [1004, "REJECTED", "No contract with Acme."],
    ]);
    const en = email?.messages.en;
    expect(en?.subject).toBe("Your activation request for Acme Invoice Sync has been processed");
    expect(en?.text).toContain("Hello Maija,");
    expect(en?.text).toMatch(/: Approved\n/);
    expect(en?.text).toContain(": Rejected (Reason: No contract with Acme.)");
    expect(en?.text).toContain("support pages: https://acme.example/support");
    expect(en?.text).toContain(`You can start again: ${s.url}/activate/${id}`);
    expect(en?.text).toContain(`See the request: ${s.url}/requests/${request.id}`);
    const fi = email?.messages.fi;
    expect(fi?.subject).toBe("Aktivointipyyntösi on käsitelty: Acme Invoice Sync");
    expect(fi?.text).toContain("Hei Maija,");
    expect(fi?.text).toContain(": Hylätty (Syy: No contract with Acme.)");

    expect(await outbox(s, "?userId=2")).toEqual([]);
    expect(await outbox(s, `?requestId=${request.id}`)).toHaveLength(1);
    expect((await fetch(`${s.url}/sandbox/outbox?userId=x`)).status).toBe(400);
  });

  it("is shown to the signed-in user on the outbox page, in the page's language", async () => {
    const { s, id } = await published();
    const { request } = s.engine.startActivation({
      userId: 1,
      integrationId: id,
      companyIds: [1004],
    });
    s.engine.rejectActivationRequest(CLIENT, request.id, { reason: "Ei sopimusta." });
    const maija = pageAgent(s);
    await maija.signIn();
    const page = await maija.get("/outbox?lang=fi");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Aktivointipyyntösi on käsitelty: Acme Invoice Sync");
    expect(page.text).toContain("Hylätty (Syy: Ei sopimusta.)");
    expect(page.text).toContain(`data-request="${request.id}"`);
    const matti = pageAgent(s);
    await matti.signIn("demo2");
    const empty = await matti.get("/outbox");
    expect(empty.text).toContain('id="outbox-empty"');
    expect(empty.text).not.toContain("Acme Invoice Sync");
  });
});

describe("the sandbox's clock", () => {
  it("expires requests without waiting, and the e-mail says they timed out", async () => {
    const { s, id } = await published({ requestTtlMs: 60_000 });
    const { request } = s.engine.startActivation({
      userId: 1,
      integrationId: id,
      companyIds: [1004],
    });
    const before = Date.parse(s.engine.readClock().now);
    const advanced = s.advanceClock(61_000);
    expect(advanced.expired).toEqual([request.id]);
    expect(advanced.offsetMs).toBe(61_000);
    expect(Date.parse(advanced.now) - before).toBeGreaterThanOrEqual(61_000);
    expect(s.engine.getRequest(request.id).status).toBe("EXPIRED");
    const [email] = await outbox(s);
    expect(email?.request.status).toBe("EXPIRED");
    expect(email?.messages.en.text).toContain(": Timed out — try again later");
    expect(email?.messages.en.text).not.toContain("support pages");
  });

  it("moves over HTTP and through the advanceClock helper, ages tokens, and never goes back", async () => {
    const { s } = await published();
    const token = await tokenRequest(s, {
      grant_type: "client_credentials",
      client_id: DEMO_CREDENTIALS.clientId,
      client_secret: DEMO_CREDENTIALS.clientSecret,
      api_key: DEMO_CREDENTIALS.apiKey,
    });
    const accessToken = token.body.access_token as string;
    expect(s.engine.introspect(accessToken).active).toBe(true);

    const byDuration = await postClock(s, { by: "30m" });
    expect(byDuration.status).toBe(200);
    expect(byDuration.body).toMatchObject({ offsetMs: 1_800_000, expired: [] });
    const reading = await (await fetch(`${s.url}/sandbox/clock`)).json();
    expect(reading.offsetMs).toBe(1_800_000);
    const helped = await advanceClock(s.url, "31m");
    expect(helped.offsetMs).toBe(3_660_000);
    expect(s.engine.introspect(accessToken)).toMatchObject({ active: false });

    for (const bad of [
      { ms: -1 },
      { ms: 1.5 },
      { by: "soon" },
      { ms: 1, by: "1m" },
      {},
      { ms: 1, x: 1 },
    ]) {
      const refused = await postClock(s, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
    }
    await expect(advanceClock(s.url, -5)).rejects.toBeInstanceOf(SandboxError);
    await expect(advanceClock(s.url, -5)).rejects.toMatchObject({ status: 400, field: "ms" });
    expect(() => s.advanceClock(Number.NaN)).toThrow(/whole milliseconds/);
    expect(s.engine.readClock().offsetMs).toBe(3_660_000);
  });

  it("moves a sandbox in process: sandbox.advanceClock, and the helper through its fetch", async () => {
    const { sandbox: s } = inProcessSandbox();
    const { id } = s.engine.createIntegration(CLIENT, definition());
    s.engine.reviewIntegration(id, "approve");
    const { request } = s.engine.startActivation({
      userId: 1,
      integrationId: id,
      companyIds: [1001],
    });
    expect(s.advanceClock(60_000)).toMatchObject({ offsetMs: 60_000, expired: [] });
    const helped = await advanceClock(s.url, "15m", { fetch: s.fetch });
    expect(helped).toMatchObject({ offsetMs: 960_000, expired: [request.id] });
    expect(s.engine.listOutbox({ requestId: request.id })).toHaveLength(1);
  });

  it("lets the SDK client's token age: the next call gets a new token and works", async () => {
    const { s } = await published();
    const client = createClient({
      baseUrl: s.apiBaseUrl,
      credentials: DEMO_CREDENTIALS,
      rateLimit: false,
    });
    try {
      await client.integrations.listPage();
      const calls = s.stats.apiRequests; // token + list
      s.advanceClock(3_600_000 + 1_000);
      const again = await client.integrations.listPage();
      expect(again.results).toHaveLength(1);
      // the list refused with 401 (expired), a new token, the list again
      expect(s.stats.apiRequests - calls).toBe(3);
    } finally {
      await client.close();
    }
  });

  it("takes any JSON body without a 5xx, and only ever moves forward (fast-check)", async () => {
    const s = await sandbox();
    const body = fc.oneof(
      fc.record({ ms: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 6 })) }),
      fc.record({
        by: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("1m", "2h", "1w", "9999999d")),
      }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    let last = 0;
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        const answer = await postClock(s, sent);
        expect(answer.status).toBeLessThan(500);
        const { offsetMs } = s.engine.readClock();
        expect(offsetMs).toBeGreaterThanOrEqual(last);
        last = offsetMs;
        const listed = await fetch(
          `${s.url}/sandbox/outbox?${new URLSearchParams({ userId: JSON.stringify(sent) ?? "" })}`,
        );
        expect(listed.status).toBeLessThan(500);
      }),
      { numRuns: 80, seed: 4012 },
    );
  });
});
