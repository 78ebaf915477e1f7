import type { WireDefinition } from "@pcx/sdk/contract";
import { acmeRights, acmeWire } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { DEMO_COMPANY_IDS, DEMO_USER, seedDemoFixtures } from "../fixtures/demo-fixtures.js";
import { SandboxError } from "../sandbox-error.js";
import { openStore } from "../store/open-store.js";
import { SandboxEngine } from "./sandbox-engine.js";

const CLIENT = "pcx-sandbox";

function definition(rights?: WireDefinition["technicalUser"]["rights"]): WireDefinition {
  return acmeWire(rights);
}

function setup(start = new Date("2025-06-01T10:00:00.000Z")) {
  let now = start;
  const store = openStore();
  seedDemoFixtures(store, 1, now);
  const engine = new SandboxEngine({
    store,
    now: () => now,
    publicUrl: () => "http://sandbox.test",
  });
  return {
    engine,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

function published(engine: SandboxEngine) {
  const created = engine.createIntegration(CLIENT, definition());
  engine.reviewIntegration(created.id, "approve");
  return created.id;
}

describe("SandboxEngine", () => {
  it("creates version 1 in review and sets the link on the first approval", () => {
    const { engine } = setup();
    const created = engine.createIntegration(CLIENT, definition());
    expect(created.latest).toMatchObject({ version: 1, reviewState: "IN_REVIEW" });
    expect(created.published).toBeNull();
    expect(created.activationLink).toBeNull();
    const approved = engine.reviewIntegration(created.id, "approve");
    expect(approved.published?.version).toBe(1);
    expect(approved.activationLink).toBe(`http://sandbox.test/activate/${created.id}`);
  });

  it("lists selectable environments: rights, legacy manual, fixture-activated", () => {
    const { engine } = setup();
    const id = published(engine);
    const selectable = engine.listSelectableEnvironments(DEMO_USER.id, id).map((e) => e.companyId);
    expect(selectable).toHaveLength(19);
    expect(selectable).toContain(DEMO_COMPANY_IDS.legacyManual);
    expect(selectable).not.toContain(DEMO_COMPANY_IDS.flowActivated);
    for (const id of DEMO_COMPANY_IDS.withoutUserManagement) expect(selectable).not.toContain(id);
  });

  it("refuses more environments than the limit, naming it", () => {
    const { engine } = setup();
    const id = published(engine);
    engine.setLimits(CLIENT, id, { maxConcurrentActivations: 2 });
    expect(() =>
      engine.startActivation({
        userId: DEMO_USER.id,
        integrationId: id,
        companyIds: [1001, 1002, 1004],
      }),
    ).toThrow("You picked 3 environments; this integration allows at most 2 at once");
  });

  it("approves once, then 409s; the activation and key exist", () => {
    const { engine } = setup();
    const id = published(engine);
    const { request, callbackUrl } = engine.startActivation({
      userId: DEMO_USER.id,
      integrationId: id,
      companyIds: [1001, 1004],
      state: "s1",
    });
    expect(callbackUrl).toBe(
      `https://acme.example/procountor/callback?activationRequestId=${request.id}&state=s1`,
    );
    const result = engine.approveActivationRequest(CLIENT, request.id, { environments: [1001] });
    expect(result.credentials).toHaveLength(1);
    expect(result.request.status).toBe("PENDING");
    const again = (() => {
      try {
        engine.approveActivationRequest(CLIENT, request.id, { environments: [1001] });
      } catch (error) {
        return error;
      }
    })();
    expect(again).toBeInstanceOf(SandboxError);
    expect(again).toMatchObject({ status: 409, code: "ALREADY_DECIDED" });
    const rejected = engine.rejectActivationRequest(CLIENT, request.id, {
      reason: "Unknown customer",
    });
    expect(rejected.request.status).toBe("COMPLETED");
    expect(
      engine.listSelectableEnvironments(DEMO_USER.id, id).map((e) => e.companyId),
    ).not.toContain(1001);
  });

  it("expires pending requests with the injected clock", () => {
    const { engine, advance } = setup();
    const id = published(engine);
    const { request } = engine.startActivation({
      userId: DEMO_USER.id,
      integrationId: id,
      companyIds: [1004],
    });
    advance(15 * 60_000);
    expect(engine.getActivationRequest(CLIENT, request.id).status).toBe("EXPIRED");
    expect(() => engine.approveActivationRequest(CLIENT, request.id, {})).toThrow(/expired/);
  });

  it("marks activations UPDATE_REQUIRED when rights are raised, and back to ACTIVE after the update", () => {
    const { engine } = setup();
    const id = published(engine);
    engine.updateIntegration(
      CLIENT,
      id,
      // The README's rights add business-partners to the published fixture's one right.
      definition(acmeRights()),
    );
    engine.reviewIntegration(id, "approve");
    const fixture = engine.listActivations(CLIENT, id, { page: 0, size: 50 }).results;
    expect(fixture).toEqual([
      expect.objectContaining({
        companyId: DEMO_COMPANY_IDS.flowActivated,
        status: "UPDATE_REQUIRED",
        version: 1,
      }),
    ]);
    expect(engine.customerOverview(DEMO_USER.id).updatesRequired).toHaveLength(1);
    const { request } = engine.startUpdate({ userId: DEMO_USER.id, integrationId: id });
    expect(request.kind).toBe("UPDATE");
    engine.approveActivationRequest(CLIENT, request.id, {});
    expect(engine.listActivations(CLIENT, id, { page: 0, size: 50 }).results[0]).toMatchObject({
      status: "ACTIVE",
      version: 2,
    });
  });

  it("moves activations up silently when a new version lowers rights", () => {
    const { engine } = setup();
    const id = published(engine);
    engine.updateIntegration(
      CLIENT,
      id,
      definition([
        { right: "sales-invoices", level: "view", purpose: "Reads sales invoices for reporting." },
      ]),
    );
    engine.reviewIntegration(id, "approve");
    expect(engine.listActivations(CLIENT, id, { page: 0, size: 50 }).results[0]).toMatchObject({
      status: "ACTIVE",
      version: 2,
    });
  });
});
