// Issue 10, CSRF and DNS rebinding: the customer's pages and the admin routes against web pages.
import { fakeTime } from "@pcx/testkit";
import { inProcessSandbox } from "@pcx/testkit/sandbox";
import { describe, expect, it } from "vitest";
import { published } from "./helpers.js";
import { pageAgent } from "./pages-agent.js";

describe("CSRF on the customer's pages", () => {
  it("a cross-origin POST with the session cookie is refused with a 403 page and changes nothing", async () => {
    const { sandbox: s } = inProcessSandbox({ now: fakeTime().now });
    const id = published(s);
    const agent = pageAgent(s);
    await agent.signIn();
    const before = s.engine.dumpState();
    const form = "terms=accepted&env=1004";
    const refusals: Record<string, string>[] = [
      { origin: "http://127.0.0.1:9999" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of refusals) {
      const refused = await agent.post(`/activate/${id}/confirm`, form, headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.text).toContain("came from another site");
    }
    expect(s.engine.dumpState()).toEqual(before);
    const same = await agent.post(`/activate/${id}/confirm`, form, {
      origin: new URL(s.url).origin,
      "sec-fetch-site": "same-origin",
    });
    expect(same.status).toBe(303);
    expect(same.location).toMatch(/^\/requests\/\d+$/);
  });

  it("an attacker's form cannot sign the browser in as another user", async () => {
    const { sandbox: s } = inProcessSandbox();
    const agent = pageAgent(s);
    await agent.signIn("demo");
    const forced = await agent.post("/signin", "user=demo2", { origin: "http://attacker.example" });
    expect(forced.status).toBe(403);
    expect(forced.headers.getSetCookie()).toEqual([]);
    expect((await agent.get("/")).text).toContain("Maija");
    const signOut = await agent.post("/signout", "", { origin: "http://attacker.example" });
    expect(signOut.status).toBe(403);
    expect((await agent.get("/")).status).toBe(200);
  });

  it("the admin routes refuse what a browser marks as cross-origin", async () => {
    const { sandbox: s } = inProcessSandbox();
    const id = published(s);
    const answer = await s.fetch(`/sandbox/integrations/${id}/review`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://attacker.example" },
      body: JSON.stringify({ decision: "request-changes" }),
    });
    expect(answer.status).toBe(403);
    expect((await answer.json()).errors[0].field).toBe("Origin");
    const foreignHost = await s.fetch("http://attacker.example/sandbox/state");
    expect(foreignHost.status).toBe(403);
  });
});
