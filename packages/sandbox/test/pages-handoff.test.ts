import type { WireDefinition } from "@pcx/sdk/contract";
import { describe, expect, it } from "vitest";
import { DEFAULT_PRICE_LIST_URL, DEMO_CREDENTIALS, type RunningSandbox } from "../src/index.js";
import { definition, RAISED_RIGHTS, sandbox } from "./helpers.js";
import { alertText, pageAgent } from "./pages-agent.js";

const CLIENT = DEMO_CREDENTIALS.clientId;
const CALLBACK = "https://acme.example/procountor/callback";

/** A sandbox whose pages give up on a hand-off after `waitMs` (the default 10 s is too long for tests). */
async function setup(def: WireDefinition = definition({ maxConcurrentActivations: 3 })) {
  const s = await sandbox({ handoffWaitMs: 2_000, priceListUrl: "https://prices.example/api" });
  const { id } = s.engine.createIntegration(CLIENT, def);
  s.engine.reviewIntegration(id, "approve");
  const agent = pageAgent(s);
  await agent.signIn();
  return { s, id, agent };
}

/** The technical-user step: its hand-off token (the form's field) and the tab address the script opens. */
async function technicalUserStep(agent: ReturnType<typeof pageAgent>, id: number) {
  const step = await agent.post(`/activate/${id}/environments`, {
    terms: "accepted",
    state: "st&ate",
    env: ["1001", "1004"],
  });
  expect(step.status).toBe(200);
  const token = /name="handoff" value="([^"]+)"/.exec(step.text)?.[1] ?? "";
  return { step, token };
}

const confirmForm = (token: string, tab?: string) => ({
  terms: "accepted",
  state: "st&ate",
  env: ["1001", "1004"],
  handoff: token,
  ...(tab ? { tab } : {}),
});

describe("the hand-off in the confirm click", () => {
  it("opens the integrator's callback in the new tab once the first tab's post created the request", async () => {
    const { s, id, agent } = await setup();
    const { step, token } = await technicalUserStep(agent, id);
    expect(step.text).toContain(`id="confirm-form" data-handoff="/handoff/${token}"`);
    expect(step.text).toMatch(/<script nonce="[^"]+">[\s\S]*window\.open\(form\.dataset\.handoff/);
    // The new tab asks first (the click opens it before the form posts) and waits for the post.
    const newTab = agent.get(`/handoff/${token}`);
    const confirmed = await agent.post(`/activate/${id}/confirm`, confirmForm(token, "opened"));
    expect(confirmed.status).toBe(303);
    const requestId = Number(/^\/requests\/(\d+)\?tab=opened$/.exec(confirmed.location ?? "")?.[1]);
    expect(s.engine.getRequest(requestId).status).toBe("PENDING");
    const tab = await newTab;
    expect(tab.status).toBe(303);
    expect(tab.location).toBe(`${CALLBACK}?activationRequestId=${requestId}&state=st%26ate`);
    // Opening it again (a reload) goes to the same place.
    expect((await agent.get(`/handoff/${token}`)).location).toBe(tab.location);

    const status = await agent.get(confirmed.location ?? "");
    expect(status.text).toContain("Acme Invoice Sync&#39;s own page opened in a new tab");
    expect(status.text).toContain("No new tab?");
    expect(status.text).toContain('<meta http-equiv="refresh" content="3">');
    expect(status.text).toMatch(/class="button secondary" id="continue" href="https:\/\/acme/);
  });

  it("offers the button when the browser blocked the tab or ran no script", async () => {
    const { id, agent } = await setup();
    const blocked = await agent.post(
      `/activate/${id}/confirm`,
      confirmForm((await technicalUserStep(agent, id)).token, "blocked"),
    );
    expect(blocked.location).toMatch(/^\/requests\/\d+\?tab=blocked$/);
    const page = await agent.get(blocked.location ?? "");
    expect(page.text).toContain("Your browser did not open the new tab.");
    expect(page.text).toMatch(/class="button" id="continue" href="https:\/\/acme/);
  });

  it("without the script, the status page asks to continue on the integrator's page", async () => {
    const { id, agent } = await setup();
    const sent = await agent.post(`/activate/${id}/confirm`, confirmForm(""));
    expect(sent.location).toMatch(/^\/requests\/\d+$/);
    const page = await agent.get(sent.location ?? "");
    expect(page.text).toContain("Continue on Acme Invoice Sync&#39;s own page");
    expect(page.text).not.toContain("No new tab?");
  });

  it("tells the waiting tab at once when the confirm is refused, and never serves another user's token", async () => {
    const { s, id, agent } = await setup();
    const { token } = await technicalUserStep(agent, id);
    const newTab = agent.get(`/handoff/${token}`);
    const refused = await agent.post(`/activate/${id}/confirm`, {
      ...confirmForm(token, "opened"),
      env: ["1001", "1002", "1004", "1005"],
    });
    expect(refused.status).toBe(422);
    const tab = await newTab;
    expect(tab.status).toBe(404);
    expect(alertText(tab.text)).toBe(
      "This hand-off link is no longer valid. Go back to the first tab and use the button there.",
    );

    const { token: maijas } = await technicalUserStep(agent, id);
    await agent.post(`/activate/${id}/confirm`, confirmForm(maijas, "opened"));
    const matti = pageAgent(s);
    await matti.signIn("demo2");
    expect((await matti.get(`/handoff/${maijas}`)).status).toBe(404);
    expect((await agent.get("/handoff/not-a-token")).status).toBe(404);
  });

  it("hands off the update flow the same way, in update wording", async () => {
    const { s, id, agent } = await setup();
    const first = s.engine.startActivation({ userId: 1, integrationId: id, companyIds: [1001] });
    s.engine.approveActivationRequest(CLIENT, first.request.id, {});
    s.engine.updateIntegration(
      CLIENT,
      id,
      definition({ maxConcurrentActivations: 3 }, RAISED_RIGHTS),
    );
    s.engine.reviewIntegration(id, "approve");
    const info = await agent.get(`/update/${id}`);
    expect(info.text).toContain("You can update at most 3 environments at once.");
    const rights = await agent.post(`/update/${id}/rights`, { env: ["1001"] });
    expect(rights.text).toContain("your update request goes to the integrator for approval");
    expect(rights.text).not.toContain("activation request");
    const token = /name="handoff" value="([^"]+)"/.exec(rights.text)?.[1] ?? "";
    const newTab = agent.get(`/handoff/${token}`);
    const sent = await agent.post(`/update/${id}/confirm`, {
      env: ["1001"],
      handoff: token,
      tab: "opened",
    });
    const requestId = Number(/^\/requests\/(\d+)\?tab=opened$/.exec(sent.location ?? "")?.[1]);
    expect((await newTab).location).toBe(`${CALLBACK}?activationRequestId=${requestId}`);
    const over = await agent.post(`/update/${id}/rights`, {
      env: ["1001", "1002", "1003", "1004"],
    });
    expect(alertText(over.text)).toMatch(/can be updated in at most 3 environments at once/);

    const fi = await agent.get(`/update/${id}?lang=fi`);
    expect(fi.text).not.toContain("Aktivointipyyntö");
  });
});

describe("the environment step and the outcome", () => {
  it("has the pricing paragraph with the price-list link, and the legacy note's whole point", async () => {
    const { id, agent } = await setup(
      definition({ maxConcurrentActivations: 3, billing: "accounting-firm" }),
    );
    const step = await agent.post(`/activate/${id}/terms`, { terms: "accepted" });
    expect(step.text).toContain('id="price-list" href="https://prices.example/api"');
    expect(step.text).toContain("billed to the accounting firm");
    expect(step.text).toContain("you can take the updates into use automatically through the flow");
    const fi = await agent.post(`/activate/${id}/terms?lang=fi`, { terms: "accepted" });
    expect(fi.text).toContain("Procountorin API-hinnasto");
    expect(fi.text).toContain("voit ottaa päivitykset automatisoidusti käyttöön");
    expect(fi.text).toContain("joihin haluat aktivoida integraation");
    expect(fi.text).toContain('data-template="Valittuna: 987654321 (enintään 3)"');
  });

  it("defaults the price list to Procountor's API article", async () => {
    const s: RunningSandbox = await sandbox();
    const { id } = s.engine.createIntegration(CLIENT, definition());
    s.engine.reviewIntegration(id, "approve");
    const agent = pageAgent(s);
    await agent.signIn();
    const step = await agent.post(`/activate/${id}/terms`, { terms: "accepted" });
    expect(step.text).toContain(`href="${DEFAULT_PRICE_LIST_URL}"`);
    expect(step.text).toContain(
      "billed to the Procountor environment where the integration is activated",
    );
  });

  it("points an approved request to the integration's support link; an approved update says it is in use", async () => {
    const { s, id, agent } = await setup();
    const started = s.engine.startActivation({ userId: 1, integrationId: id, companyIds: [1004] });
    s.engine.approveActivationRequest(CLIENT, started.request.id, {});
    const page = await agent.get(`/requests/${started.request.id}`);
    expect(page.text).toContain("Congratulations, the integration is now ready to use!");
    expect(page.text).toMatch(
      /id="next-step">[^<]*integrator&#39;s own support pages: <a href="https:\/\/acme\.example\/support"/,
    );
    s.engine.updateIntegration(CLIENT, id, definition({}, RAISED_RIGHTS));
    s.engine.reviewIntegration(id, "approve");
    const update = s.engine.startUpdate({ userId: 1, integrationId: id, companyIds: [1004] });
    s.engine.approveActivationRequest(CLIENT, update.request.id, {});
    const updated = await agent.get(`/requests/${update.request.id}`);
    expect(updated.text).toContain("The update is now in use.");
    expect(updated.text).not.toContain("Congratulations");
  });
});
