import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definition, published, sandbox } from "./helpers.js";
import { pageAgent } from "./pages-agent.js";

const POST_PATHS = (id: number) => [
  "/signin",
  `/activate/${id}`,
  `/activate/${id}/terms`,
  `/activate/${id}/environments`,
  `/activate/${id}/confirm`,
  `/update/${id}`,
  `/update/${id}/rights`,
  `/update/${id}/confirm`,
];

async function setup() {
  const s = await sandbox();
  const id = published(s, definition({ maxConcurrentActivations: 3 }));
  const agent = pageAgent(s);
  await agent.signIn();
  return { s, id, agent };
}

describe("customer pages under bad input", () => {
  it("answers hand-made bad form posts with a page, never a 5xx", async () => {
    const { s, id, agent } = await setup();
    const bodies: [string, string, Record<string, string>?][] = [
      [`/activate/${id}/environments`, "terms=accepted&env=-1"],
      [`/activate/${id}/environments`, "terms=accepted&env=1e3&env=0x10"],
      [`/activate/${id}/environments`, "terms=accepted&env=99999999999999999999"],
      [`/activate/${id}/environments`, "terms=accepted&env=1001&env=1001"],
      [`/activate/${id}/confirm`, `terms=accepted&env=1001&state=${"x".repeat(3000)}`],
      [`/activate/${id}/confirm`, `terms=accepted&${"env=1001&".repeat(2000)}`],
      [`/activate/${id}/terms`, "%E0%A4%A&terms=%ZZ&state=%"],
      [`/activate/${id}/terms`, "\u0000\u0001\uFFFF=\uD800"],
      [`/activate/${id}/terms`, '{"terms":"accepted"}', { "content-type": "application/json" }],
      [
        `/activate/${id}/terms`,
        "--x\r\nContent-Disposition: form-data; name=terms\r\n\r\naccepted\r\n--x--",
        { "content-type": "multipart/form-data; boundary=x" },
      ],
      ["/activate/0/terms", "terms=accepted"],
      ["/activate/-5/confirm", "terms=accepted&env=1001"],
      [`/update/${id}/confirm`, "env=1001"],
      [`/update/${id}/rights`, "env=abc"],
      ["/signin?next=javascript:alert(1)", "user=demo"],
      ["/signin", `user=${"d".repeat(5000)}`],
    ];
    for (const [path, body, headers] of bodies) {
      const answer = await agent.post(path, body, headers);
      expect(answer.status, `${path} ${body.slice(0, 60)}`).toBeLessThan(500);
      if (answer.status !== 303) expect(answer.text).toContain("</html>");
    }
    const huge = await agent.post(
      `/activate/${id}/terms`,
      `terms=accepted&pad=${"x".repeat(70_000)}`,
    );
    expect(huge.status).toBe(413);
    expect((await agent.get("/")).status).toBe(200);
    expect(s.engine.customerOverview(1).requests).toHaveLength(1);
    expect(s.engine.dumpState().requests[0]?.environments).toHaveLength(1);
  });

  it("never answers 5xx to random form posts (fast-check)", async () => {
    const { s, id, agent } = await setup();
    const field = fc.oneof(
      fc.constantFrom("terms", "env", "state", "user", "lang", "handoff", "tab"),
      fc.string({ maxLength: 8 }),
    );
    const value = fc.oneof(
      fc.constantFrom(
        "accepted",
        "1001",
        "1002",
        "1021",
        "0",
        "-1",
        "demo",
        "",
        "opened",
        "blocked",
      ),
      fc.integer().map(String),
      fc.string({ maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...POST_PATHS(id)),
        fc.array(fc.tuple(field, value), { maxLength: 12 }),
        async (path, pairs) => {
          const answer = await agent.post(path, new URLSearchParams(pairs));
          expect(answer.status).toBeLessThan(500);
        },
      ),
      { numRuns: 120, seed: 4010 },
    );
    expect((await fetch(`${s.url}/sandbox/health`)).status).toBe(200);
  });

  it("never answers 5xx to random hand-off and outbox addresses (fast-check)", async () => {
    const s = await sandbox({ handoffWaitMs: 20 });
    const agent = pageAgent(s);
    await agent.signIn();
    const segment = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      fc.constantFrom("", "..", "%00", "%E0%A4%A", "a/b"),
    );
    await fc.assert(
      fc.asyncProperty(segment, fc.string({ maxLength: 20 }), async (token, query) => {
        const handoff = await agent.get(`/handoff/${encodeURIComponent(token)}`);
        expect(handoff.status).toBeLessThan(500);
        const outbox = await agent.get(`/outbox?${encodeURIComponent(query)}`);
        expect(outbox.status).toBeLessThan(500);
      }),
      { numRuns: 60, seed: 4011 },
    );
  });
});
