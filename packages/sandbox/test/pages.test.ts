import type { WireDefinition } from "@pcx/sdk/contract";
import { describe, expect, it } from "vitest";
import { DEMO_COMPANY_IDS, DEMO_CREDENTIALS, type RunningSandbox } from "../src/index.js";
import { definition, manualClock, RAISED_RIGHTS, sandbox } from "./helpers.js";
import { alertText, checkedEnvs, listedEnvs, pageAgent } from "./pages-agent.js";

const CLIENT = DEMO_CREDENTIALS.clientId;

function publish(s: RunningSandbox, def: WireDefinition): number {
  const { id } = s.engine.createIntegration(CLIENT, def);
  s.engine.reviewIntegration(id, "approve");
  return id;
}

async function setup(options: Parameters<typeof sandbox>[0] = {}, def?: WireDefinition) {
  const s = await sandbox(options);
  const id = publish(s, def ?? definition({ maxConcurrentActivations: 3 }));
  const agent = pageAgent(s);
  await agent.signIn();
  return { s, id, agent };
}

const requestCount = (s: RunningSandbox) => s.engine.customerOverview(1).requests.length;

describe("customer pages: sign-in and the shell", () => {
  it("sends a signed-out visitor to sign-in and back, and says 'sandbox' on every page", async () => {
    const s = await sandbox();
    const agent = pageAgent(s);
    const home = await agent.get("/");
    expect(home.status).toBe(303);
    expect(home.location).toBe("/signin?next=%2F");
    const form = await agent.get("/signin?next=%2Factivate%2F1");
    expect(form.status).toBe(200);
    expect(form.text).toContain("Maija Meikäläinen");
    expect(form.text).toContain("Matti Virtanen");
    expect(form.text).toMatch(/class="banner" role="note">Sandbox:/);
    const signedIn = await agent.post("/signin?next=%2Factivate%2F1", { user: "demo" });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe("/activate/1");
    expect(signedIn.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Lax/);
    const again = await agent.get("/");
    expect(again.status).toBe(200);
    expect(again.text).toContain("Hello, Maija!");
    expect(again.text).toContain("Sandbox:");
    expect(again.headers.get("content-security-policy")).toMatch(/script-src 'nonce-/);
    const out = await agent.post("/signout", {});
    expect(out.status).toBe(303);
    expect((await agent.get("/")).status).toBe(303);
  });

  it("refuses unknown users, offsite redirects and forged session cookies", async () => {
    const s = await sandbox();
    const agent = pageAgent(s);
    const unknown = await agent.post("/signin", { user: "mallory" });
    expect(unknown.status).toBe(400);
    expect(alertText(unknown.text)).toMatch(/no such demo user/);
    const offsite = await agent.post("/signin?next=%2F%2Fevil.example", { user: "demo" });
    expect(offsite.location).toBe("/");
    const forged = await agent.get("/", { cookie: "pcx_sandbox_session=2.forged" });
    expect(forged.status).toBe(303);
  });
});

describe("customer pages: the activation link", () => {
  it("shows the details and links, the billing note on the environment step, and escapes the definition's text", async () => {
    const evil = definition({
      name: 'Evil <script>alert("x")</script> Sync',
      description: 'Says <b>bold</b> & "quoted" things to customers.',
      billing: "accounting-firm",
      logoUrl: "https://acme.example/logo.png",
    });
    const { id, agent } = await setup({}, evil);
    const page = await agent.get(`/activate/${id}?state=a%22b%3Cc`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("<script>alert");
    expect(page.text).toContain("Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Sync");
    expect(page.text).toContain("Says &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;");
    expect(page.text).toContain('name="state" value="a&quot;b&lt;c"');
    expect(page.text).toContain('href="https://acme.example/privacy" target="_blank"');
    expect(page.text).not.toContain("billed to");
    expect(page.text).toContain('src="https://acme.example/logo.png"');
    expect(page.text).toMatch(/<li aria-current="step">Details and terms<\/li>/);
    // the picker page has the only script, with the nonce; the name stays escaped there too
    const step2 = await agent.post(`/activate/${id}/terms`, { terms: "accepted" });
    expect(step2.status).toBe(200);
    expect(step2.text.match(/<script/g)).toHaveLength(1);
    expect(step2.text).toMatch(/<script nonce="[^"]+">/);
    expect(step2.text).toContain("activate Evil &lt;script&gt;");
    expect(step2.text).toContain("billed to the accounting firm, not to the environment");
  });

  it("refuses to continue without the terms, on the page and when a step is skipped", async () => {
    const { s, id, agent } = await setup();
    const refused = await agent.post(`/activate/${id}/terms`, { state: "abc" });
    expect(refused.status).toBe(400);
    expect(alertText(refused.text)).toBe("Accept the activation terms to continue.");
    expect(refused.text).toContain('aria-invalid="true" aria-describedby="form-error"');
    expect(refused.text).toContain('name="state" value="abc"');
    const skipped = await agent.post(`/activate/${id}/confirm`, { env: "1001" });
    expect(skipped.status).toBe(400);
    expect(alertText(skipped.text)).toBe("Accept the activation terms to continue.");
    expect(requestCount(s)).toBe(0);
  });

  it("lists only selectable environments, marks the legacy one and says how many are hidden", async () => {
    const { id, agent } = await setup();
    const page = await agent.post(`/activate/${id}/terms`, { terms: "accepted" });
    const listed = listedEnvs(page.text).map(Number);
    expect(listed).toHaveLength(19);
    expect(listed).toContain(DEMO_COMPANY_IDS.legacyManual);
    expect(listed).not.toContain(DEMO_COMPANY_IDS.flowActivated);
    for (const hidden of DEMO_COMPANY_IDS.withoutUserManagement)
      expect(listed).not.toContain(hidden);
    expect(page.text).toContain("Activated earlier manually");
    expect(page.text).toContain("6 of your environments are not listed");
    expect(page.text).toContain("5 where you do not have all rights to user management");
    expect(page.text).toContain("1 where the integration is already activated through this flow");
    expect(page.text).toContain("You can activate at most 3 environments at once.");
  });

  it("refuses more environments than the limit with the limit in the message, keeping the picks", async () => {
    const { s, id, agent } = await setup();
    const picks = ["1001", "1002", "1004", "1005"];
    const refused = await agent.post(`/activate/${id}/environments`, {
      terms: "accepted",
      env: picks,
    });
    expect(refused.status).toBe(422);
    expect(alertText(refused.text)).toBe(
      "You picked 4 environments; Acme Invoice Sync can be activated in at most 3 environments at once. Pick 3 or fewer and activate the rest afterwards.",
    );
    expect(checkedEnvs(refused.text).sort()).toEqual(picks);
    const bypass = await agent.post(`/activate/${id}/confirm`, { terms: "accepted", env: picks });
    expect(bypass.status).toBe(422);
    expect(alertText(bypass.text)).toMatch(/at most 3/);
    const none = await agent.post(`/activate/${id}/environments`, { terms: "accepted" });
    expect(none.status).toBe(400);
    expect(alertText(none.text)).toBe("Pick at least one environment.");
    const notMine = await agent.post(`/activate/${id}/environments`, {
      terms: "accepted",
      env: String(DEMO_COMPANY_IDS.withoutUserManagement[0]),
    });
    expect(notMine.status).toBe(400);
    expect(alertText(notMine.text)).toMatch(/do not have all rights to user management/);
    expect(requestCount(s)).toBe(0);
  });

  it("walks to the technical user, confirms, hands off to the callback and shows each outcome", async () => {
    const { s, id, agent } = await setup();
    const rights = await agent.post(`/activate/${id}/environments`, {
      terms: "accepted",
      state: "st&ate",
      env: ["1001", "1002"],
    });
    expect(rights.status).toBe(200);
    expect(rights.text).toContain("<code>acme-invoice-sync</code>");
    expect(rights.text).toContain("Sales invoices");
    expect(rights.text).toContain("All rights");
    expect(rights.text).toContain("Creates sales invoices from shop orders.");
    const confirmed = await agent.post(`/activate/${id}/confirm`, {
      terms: "accepted",
      state: "st&ate",
      env: ["1001", "1002"],
    });
    expect(confirmed.status).toBe(303);
    const requestId = Number(/^\/requests\/(\d+)$/.exec(confirmed.location ?? "")?.[1]);
    const pending = await agent.get(`/requests/${requestId}`);
    expect(pending.text).toContain("Waiting for Acme Invoice Sync to process your request");
    expect(pending.text).toContain(
      `href="https://acme.example/procountor/callback?activationRequestId=${requestId}&amp;state=st%26ate" target="_blank" rel="noopener"`,
    );
    expect(pending.text).toContain('<meta http-equiv="refresh" content="3">');
    expect(pending.text).toContain("Waiting for the integrator");
    s.engine.approveActivationRequest(CLIENT, requestId, { environments: [1001] });
    s.engine.rejectActivationRequest(CLIENT, requestId, { reason: "No <b>contract</b> found" });
    const done = await agent.get(`/requests/${requestId}`);
    expect(done.text).not.toContain('http-equiv="refresh"');
    expect(done.text).toContain("Approved");
    expect(done.text).toContain("Rejected");
    expect(done.text).toContain("Reason: No &lt;b&gt;contract&lt;/b&gt; found");
    expect(done.text).toContain(`href="/activate/${id}">Start again`);
    const home = await agent.get("/");
    expect(home.text).toContain(`Activation request ${requestId}`);
    expect(home.text).toContain("No &lt;b&gt;contract&lt;/b&gt; found");
  });

  it("shows an unanswered request as timed out once it expires", async () => {
    const clock = manualClock();
    const { s, id, agent } = await setup({ now: clock.now, requestTtlMs: 60_000 });
    const started = s.engine.startActivation({ userId: 1, integrationId: id, companyIds: [1004] });
    clock.advance(61_000);
    const page = await agent.get(`/requests/${started.request.id}`);
    expect(page.text).toContain("Timed out — try again later");
    expect(page.text).toContain("Please try again in a moment.");
    expect(page.text).not.toContain('http-equiv="refresh"');
  });
});

describe("customer pages: update required", () => {
  it("prompts on the front page, marks added rights, and sends an update request", async () => {
    const { s, id, agent } = await setup();
    const first = s.engine.startActivation({
      userId: 1,
      integrationId: id,
      companyIds: [1001, 1004],
    });
    s.engine.approveActivationRequest(CLIENT, first.request.id, {});
    s.engine.updateIntegration(CLIENT, id, definition({}, RAISED_RIGHTS));
    s.engine.reviewIntegration(id, "approve");
    const home = await agent.get("/");
    expect(home.text).toContain("Update required");
    expect(home.text).toContain(`href="/update/${id}">Show info`);
    const info = await agent.get(`/update/${id}`);
    expect(info.status).toBe(200);
    expect(checkedEnvs(info.text)).toEqual(listedEnvs(info.text));
    expect(listedEnvs(info.text)).toEqual(expect.arrayContaining(["1001", "1004"]));
    const review = await agent.post(`/update/${id}/rights`, { env: ["1001", "1004"] });
    expect(review.status).toBe(200);
    expect(review.text).toMatch(/<tr class="changed">\s*<th scope="row">Customer/);
    expect(review.text).toContain("<mark>New</mark>");
    expect(review.text).toContain("compared with version 1");
    const sent = await agent.post(`/update/${id}/confirm`, { env: ["1001", "1004"] });
    expect(sent.status).toBe(303);
    const request = s.engine.getRequest(Number(sent.location?.split("/").pop()));
    expect(request.kind).toBe("UPDATE");
    const status = await agent.get(sent.location ?? "");
    expect(status.text).toContain("Update request");
  });
});

describe("customer pages: language", () => {
  it("switches to Finnish with ?lang=fi, remembers it, and formats dates for the locale", async () => {
    const { s, id, agent } = await setup();
    const fi = await agent.get(`/activate/${id}?lang=fi`);
    expect(fi.text).toContain('<html lang="fi">');
    expect(fi.text).toContain("Hyväksyn käyttöönoton käyttöehdot");
    expect(fi.text).toContain('hreflang="en" lang="en">In English');
    expect(fi.headers.get("set-cookie")).toMatch(/pcx_sandbox_lang=fi/);
    const remembered = await agent.post(`/activate/${id}/terms`, { terms: "accepted" });
    expect(remembered.text).toContain(
      "Voit aktivoida integraation samalla enintään 3 ympäristöön.",
    );
    const refused = await agent.post(`/activate/${id}/environments`, {
      terms: "accepted",
      env: ["1001", "1002", "1004", "1005"],
    });
    expect(alertText(refused.text)).toMatch(/enintään 3/);
    const started = s.engine.startActivation({ userId: 1, integrationId: id, companyIds: [1006] });
    const status = await agent.get(`/requests/${started.request.id}`);
    expect(status.text).toContain("Odottaa ohjelmistontarjoajaa");
    expect(status.text).toMatch(/\d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}/);
    const en = await agent.get(`/requests/${started.request.id}?lang=en`);
    expect(en.text).toContain("Waiting for the integrator");
    expect(en.text).toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
  });
});

describe("customer pages: errors", () => {
  it("answers unknown ids and paths with a 404 page, other users' requests too", async () => {
    const { s, id, agent } = await setup();
    for (const path of [
      "/requests/999999",
      "/requests/abc",
      "/activate/999999",
      "/activate/1%3Cscript%3E",
      "/update/424242",
      "/nowhere",
    ]) {
      const answer = await agent.get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.text, path).toContain("Page not found");
      expect(answer.headers.get("content-type")).toMatch(/text\/html/);
    }
    const matti = s.engine.startActivation({ userId: 2, integrationId: id, companyIds: [1026] });
    expect((await agent.get(`/requests/${matti.request.id}`)).status).toBe(404);
    // API clients (no text/html in Accept) still get Procountor's JSON error shape
    const json = await fetch(`${s.url}/nowhere`);
    expect(json.status).toBe(404);
    expect((await json.json()).errors[0].message).toMatch(/under \/api/);
  });

  it("explains an integration that is not approved yet, and refuses wrong methods", async () => {
    const { s, agent } = await setup();
    const { id } = s.engine.createIntegration(CLIENT, definition({ name: "Unreviewed" }));
    const early = await agent.get(`/activate/${id}`);
    expect(early.status).toBe(409);
    expect(early.text).toContain("Not available yet");
    const wrong = await agent.get(`/activate/${id}/confirm`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
  });

  it("can be turned off with pages: false", async () => {
    const s = await sandbox({ pages: false });
    const answer = await fetch(`${s.url}/`, { headers: { accept: "text/html" } });
    expect(answer.status).toBe(404);
    expect(answer.headers.get("content-type")).toMatch(/json/);
  });
});
