// The publish plan, its application and the integration summary, against
// the real sandbox (in this process, over real HTTP).

import { DEMO_USER, type RunningSandbox, startSandbox } from "@pcx/sandbox";
import { acme, acmeRights, acmeWire, closeAfterEach } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import {
  applyPublishPlan,
  createClient,
  type IntegrationDefinition,
  type ProcountorClient,
  planPublish,
  summarizeIntegration,
  toWireDefinition,
} from "../src/index.js";

const track = closeAfterEach();

async function setup(): Promise<{ s: RunningSandbox; client: ProcountorClient }> {
  const s = await startSandbox({ port: 0 });
  track(s);
  const client = createClient({
    baseUrl: s.apiBaseUrl,
    credentials: s.credentials,
    rateLimit: false,
  });
  track(client);
  return { s, client };
}

/** The Acme file: `$schema` and a limit of 20 included. */
const file = () => acme() as IntegrationDefinition;

describe("toWireDefinition", () => {
  it("drops the editor-only $schema and keeps everything else, an absent limit absent", () => {
    const wire = toWireDefinition(file());
    expect(wire).not.toHaveProperty("$schema");
    expect(wire).toMatchObject({ name: "Acme Invoice Sync", maxConcurrentActivations: 20 });
    expect(toWireDefinition(acmeWire())).not.toHaveProperty("maxConcurrentActivations");
  });
});

describe("planPublish and applyPublishPlan", () => {
  it("create: plans version 1 with the file's limit; applying creates it once", async () => {
    const { s, client } = await setup();
    const plan = await planPublish(client, file());
    expect(plan).toMatchObject({
      action: "create",
      integrationId: null,
      nextVersion: 1,
      limit: { live: null, definition: 20, changes: true },
      sameName: [],
      missingIntegrationId: null,
    });
    const outcome = await applyPublishPlan(client, file(), plan);
    expect(outcome).toMatchObject({
      version: 1,
      reviewState: "IN_REVIEW",
      publishedVersion: null,
      maxConcurrentActivations: 20,
    });
    // Planning again without the id: the same name is reported, for the caller to decide.
    expect((await planPublish(client, file())).sameName).toEqual([outcome?.integrationId]);
    expect((await planPublish(client, file(), { createNew: true })).sameName).toEqual([]);
    expect(s.engine.dumpState().integrations).toHaveLength(1);
  });

  it("update: classified against the published version, counting the environments to update", async () => {
    const { s, client } = await setup();
    const id = (await applyPublishPlan(client, file(), await planPublish(client, file())))!
      .integrationId;
    s.engine.reviewIntegration(id, "approve");
    const started = s.engine.startActivation({
      userId: DEMO_USER.id,
      integrationId: id,
      companyIds: [1001, 1004],
    });
    s.engine.approveActivationRequest(s.credentials.clientId, started.request.id, {});

    const raised = file();
    raised.technicalUser.rights = acmeRights().map((r) => ({ ...r, level: "all" as const }));
    const plan = await planPublish(client, raised, { integrationId: id });
    expect(plan).toMatchObject({
      action: "update",
      integrationId: id,
      nextVersion: 2,
      against: { version: 1, published: true },
      classification: "customer-update-required",
      requiresCustomerUpdate: true,
      limit: { live: 20, definition: 20, changes: false },
    });
    // 1003 is activated by the fixtures on the first approval, 1001 and 1004 above.
    expect(plan.environmentsToUpdate).toBe(3);
    expect(plan.changes.map((c) => c.path)).toContain(
      "technicalUser.rights[business-partners].level",
    );
    const outcome = await applyPublishPlan(client, raised, plan);
    expect(outcome).toMatchObject({ version: 2, reviewState: "IN_REVIEW", publishedVersion: 1 });
    // The same again: nothing to do.
    const none = await planPublish(client, raised, { integrationId: id });
    expect(none).toMatchObject({ action: "none", nextVersion: null, changes: [] });
    expect(await applyPublishPlan(client, raised, none)).toBeNull();
  });

  it("the limit has one owner: a declared limit is put back; an absent one is never touched", async () => {
    const { client } = await setup();
    const id = (await applyPublishPlan(client, file(), await planPublish(client, file())))!
      .integrationId;
    await client.integrations.setLimits(id, 7);
    const plan = await planPublish(client, file(), { integrationId: id });
    expect(plan).toMatchObject({
      action: "set-limit",
      nextVersion: null,
      limit: { live: 7, definition: 20, changes: true },
    });
    expect(await applyPublishPlan(client, file(), plan)).toMatchObject({
      version: 1,
      maxConcurrentActivations: 20,
    });

    const silent = file();
    delete silent.maxConcurrentActivations;
    await client.integrations.setLimits(id, 9);
    const update = await planPublish(client, silent, { integrationId: id });
    expect(update).toMatchObject({ action: "update", limit: null });
    expect(await applyPublishPlan(client, silent, update)).toMatchObject({
      version: 2,
      maxConcurrentActivations: 9,
    });
    expect(await planPublish(client, silent, { integrationId: id })).toMatchObject({
      action: "none",
      limit: null,
    });
  });

  it("an unknown id: pcx_not_found, or with ifMissing create a plan to create, naming the id", async () => {
    const { client } = await setup();
    await expect(planPublish(client, file(), { integrationId: 404 })).rejects.toMatchObject({
      code: "pcx_not_found",
    });
    expect(
      await planPublish(client, file(), { integrationId: 404, ifMissing: "create" }),
    ).toMatchObject({ action: "create", missingIntegrationId: 404 });
  });
});

describe("summarizeIntegration", () => {
  it("review state, versions, link, limits, activations by version and status, pending requests", async () => {
    const { s, client } = await setup();
    const id = (await applyPublishPlan(client, file(), await planPublish(client, file())))!
      .integrationId;
    expect(await summarizeIntegration(client, id)).toMatchObject({
      integrationId: id,
      name: "Acme Invoice Sync",
      latest: { version: 1, reviewState: "IN_REVIEW" },
      published: null,
      activationLink: null,
      maxConcurrentActivations: 20,
      definitionLimit: 20,
      activations: { total: 0, byVersion: [] },
      pendingRequests: 0,
    });
    // The first approval activates 1003 (a fixture); 1001's request stays pending.
    s.engine.reviewIntegration(id, "approve", { comment: "Looks good." });
    s.engine.startActivation({ userId: DEMO_USER.id, integrationId: id, companyIds: [1001] });
    await client.integrations.setLimits(id, 5);
    expect(await summarizeIntegration(client, id)).toMatchObject({
      latest: { version: 1, reviewState: "APPROVED", reviewComment: "Looks good." },
      published: { version: 1 },
      activationLink: expect.stringContaining(`/activate/${id}`),
      maxConcurrentActivations: 5,
      definitionLimit: 20,
      activations: { total: 1, byVersion: [{ version: 1, status: "ACTIVE", count: 1 }] },
      pendingRequests: 1,
    });
    await expect(summarizeIntegration(client, 404)).rejects.toMatchObject({
      code: "pcx_not_found",
    });
  });
});
