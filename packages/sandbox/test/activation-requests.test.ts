import { fakeTime } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { DEMO_COMPANY_IDS } from "../src/index.js";
import {
  accessToken,
  admin,
  CLOCK_START,
  client,
  publishedIntegration,
  sandbox,
} from "./helpers.js";

async function setup(options: Parameters<typeof sandbox>[0] = {}) {
  const s = await sandbox(options);
  const call = client(s, await accessToken(s));
  const id = await publishedIntegration(s, call);
  return { s, call, id };
}

describe("the customer's side (admin routes)", () => {
  it("lists the picker's environments: rights, legacy manual activation, fixture activation", async () => {
    const { s, id } = await setup();
    const all = await admin(s, "GET", `/users/1/environments?integrationId=${id}`);
    expect(all.body).toHaveLength(25);
    const byId = new Map(all.body.map((e: { companyId: number }) => [e.companyId, e]));
    expect(byId.get(DEMO_COMPANY_IDS.legacyManual)).toMatchObject({
      selectable: true,
      legacyManualActivation: true,
    });
    expect(byId.get(DEMO_COMPANY_IDS.flowActivated)).toMatchObject({
      selectable: false,
      notSelectableReason: "ACTIVE",
    });
    expect(byId.get(1021)).toMatchObject({
      selectable: false,
      notSelectableReason: "NO_USER_MANAGEMENT",
    });
    const selectable = await admin(
      s,
      "GET",
      `/users/1/environments?integrationId=${id}&selectable=true`,
    );
    expect(selectable.body).toHaveLength(19);
  });

  it("refuses more environments than the limit, with the limit in the message", async () => {
    const { s, call, id } = await setup();
    await call("PUT", `/integrations/${id}/limits`, { maxConcurrentActivations: 3 });
    const answer = await admin(s, "POST", "/activation-requests", {
      integrationId: id,
      companyIds: [1001, 1002, 1004, 1005],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors[0]).toEqual({
      field: "companyIds",
      code: "LIMIT_EXCEEDED",
      message: expect.stringContaining(
        "You picked 4 environments; this integration allows at most 3 at once",
      ),
    });
  });

  it("refuses environments that are not selectable, naming the field", async () => {
    const { s, id } = await setup();
    const noRights = await admin(s, "POST", "/activation-requests", {
      integrationId: id,
      companyIds: [1001, 1021],
    });
    expect(noRights.status).toBe(400);
    expect(noRights.body.errors[0]).toMatchObject({
      field: "companyIds[1]",
      code: "NOT_SELECTABLE",
    });
    const first = await admin(s, "POST", "/activation-requests", {
      integrationId: id,
      companyIds: [1001],
    });
    expect(first.status).toBe(201);
    const pending = await admin(s, "POST", "/activation-requests", {
      integrationId: id,
      companyIds: [1001],
    });
    expect(pending.status).toBe(409);
    expect(pending.body.errors[0].message).toMatch(/already waits/);
    const unpublished = await admin(s, "POST", "/activation-requests", {
      integrationId: 999,
      companyIds: [1001],
    });
    expect(unpublished.status).toBe(404);
  });

  it("validates admin bodies in the same error shape", async () => {
    const { s, id } = await setup();
    const missing = await admin(s, "POST", "/activation-requests", { integrationId: id });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      { field: "companyIds", message: "is required", code: "REQUIRED" },
    ]);
    const empty = await admin(s, "POST", "/activation-requests", {
      integrationId: id,
      companyIds: [],
    });
    expect(empty.body.errors[0]).toMatchObject({ field: "companyIds", code: "REQUIRED" });
    const review = await admin(s, "POST", `/integrations/${id}/review`, { decision: "maybe" });
    expect(review.body.errors[0].field).toBe("decision");
    const extra = await admin(s, "POST", "/activation-requests", {
      integrationId: id,
      companyIds: [1001],
      sate: "x",
    });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toEqual([
      expect.objectContaining({ field: "sate", code: "UNKNOWN_FIELD" }),
    ]);
    const route = await admin(s, "GET", "/nothing");
    expect(route.status).toBe(404);
    const method = await admin(s, "DELETE", "/state");
    expect(method.status).toBe(405);
  });

  it("hands the customer to the callback URL with activationRequestId and state", async () => {
    const { s, id } = await setup();
    const answer = await admin(s, "POST", "/activation-requests", {
      integrationId: id,
      companyIds: [1004],
      state: "abc.def",
    });
    expect(answer.body.callbackUrl).toBe(
      `https://acme.example/procountor/callback?activationRequestId=${answer.body.request.id}&state=abc.def`,
    );
    expect(answer.body.request).toMatchObject({
      kind: "ACTIVATION",
      status: "PENDING",
      state: "abc.def",
      integrationVersion: 1,
      requestedBy: { userId: 1, name: "Maija Meikäläinen" },
    });
  });
});

describe("activation requests (partner API)", () => {
  it("lists newest first with a status filter and paging, and gets one", async () => {
    const { s, call, id } = await setup();
    const ids: number[] = [];
    for (const companyId of [1004, 1005, 1006]) {
      ids.push(
        (
          await admin(s, "POST", "/activation-requests", {
            integrationId: id,
            companyIds: [companyId],
          })
        ).body.request.id,
      );
    }
    await call("POST", `/activation-requests/${ids[0]}/reject`, {
      reason: "Unknown customer number.",
    });
    const pending = await call(
      "GET",
      `/integrations/${id}/activation-requests?status=PENDING&size=1`,
    );
    expect(pending.body.meta).toEqual({
      pageNumber: 0,
      pageSize: 1,
      resultCount: 1,
      totalCount: 2,
    });
    expect(pending.body.results[0].id).toBe(ids[2]);
    const all = await call("GET", `/integrations/${id}/activation-requests`);
    expect(all.body.results.map((r: { id: number }) => r.id)).toEqual([...ids].reverse());
    const one = await call("GET", `/activation-requests/${ids[0]}`);
    expect(one.body).toMatchObject({
      status: "COMPLETED",
      environments: [
        {
          companyId: 1004,
          status: "REJECTED",
          reason: "Unknown customer number.",
          decidedAt: expect.any(String),
        },
      ],
    });
  });

  it("approves some environments and rejects others; deciding again is a 409", async () => {
    const { s, call, id } = await setup();
    const request = (
      await admin(s, "POST", "/activation-requests", {
        integrationId: id,
        companyIds: [1001, 1002, 1004],
      })
    ).body.request;
    const approved = await call("POST", `/activation-requests/${request.id}/approve`, {
      environments: [1001, 1002],
    });
    expect(approved.status).toBe(200);
    expect(approved.body.request.status).toBe("PENDING");
    expect(approved.body.credentials).toEqual([
      {
        companyId: 1001,
        username: "acme-invoice-sync",
        apiKey: expect.stringMatching(/^pcxs_key_/),
      },
      {
        companyId: 1002,
        username: "acme-invoice-sync",
        apiKey: expect.stringMatching(/^pcxs_key_/),
      },
    ]);
    const twice = await call("POST", `/activation-requests/${request.id}/approve`, {
      environments: [1002],
    });
    expect(twice.status).toBe(409);
    expect(twice.body.errors[0]).toMatchObject({
      code: "ALREADY_DECIDED",
      message: expect.stringContaining("environment 1002"),
    });
    const rejectDecided = await call("POST", `/activation-requests/${request.id}/reject`, {
      reason: "No.",
      environments: [1001, 1004],
    });
    expect(rejectDecided.status).toBe(409);
    const rejected = await call("POST", `/activation-requests/${request.id}/reject`, {
      reason: "This company has no Acme account.",
    });
    expect(rejected.body.request.status).toBe("COMPLETED");
    expect(rejected.body.request.environments[2]).toMatchObject({
      companyId: 1004,
      status: "REJECTED",
      reason: "This company has no Acme account.",
    });
    const nothing = await call("POST", `/activation-requests/${request.id}/approve`, {});
    expect(nothing.status).toBe(409);
    const activations = await call("GET", `/integrations/${id}/activations?status=ACTIVE`);
    expect(activations.body.results.map((a: { companyId: number }) => a.companyId)).toEqual([
      1001,
      1002,
      DEMO_COMPANY_IDS.flowActivated,
    ]);
  });

  it("validates decisions: a reason to reject, environments of the request", async () => {
    const { s, call, id } = await setup();
    const request = (
      await admin(s, "POST", "/activation-requests", { integrationId: id, companyIds: [1004] })
    ).body.request;
    const noReason = await call("POST", `/activation-requests/${request.id}/reject`, {
      reason: " ",
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe("reason");
    const stranger = await call("POST", `/activation-requests/${request.id}/approve`, {
      environments: [1005],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors[0].field).toBe("environments[0]");
    const unknown = await call("POST", "/activation-requests/999/approve", {});
    expect(unknown.status).toBe(404);
  });

  it("refuses a misspelt field with a 400 naming it, and approves nothing", async () => {
    const { s, call, id } = await setup();
    const request = (
      await admin(s, "POST", "/activation-requests", {
        integrationId: id,
        companyIds: [1001, 1004],
      })
    ).body.request;
    const typo = await call("POST", `/activation-requests/${request.id}/approve`, {
      enviroments: [1001],
    });
    expect(typo.status).toBe(400);
    expect(typo.body.errors).toEqual([
      {
        field: "enviroments",
        code: "UNKNOWN_FIELD",
        message: 'unknown field "enviroments"; did you mean "environments"?',
      },
    ]);
    const rejectTypo = await call("POST", `/activation-requests/${request.id}/reject`, {
      reason: "No account.",
      environment: [1004],
    });
    expect(rejectTypo.status).toBe(400);
    expect(rejectTypo.body.errors[0]).toMatchObject({
      field: "environment",
      code: "UNKNOWN_FIELD",
    });
    const after = await call("GET", `/activation-requests/${request.id}`);
    expect(after.body.status).toBe("PENDING");
    expect(after.body.environments.map((e: { status: string }) => e.status)).toEqual([
      "PENDING",
      "PENDING",
    ]);
    const active = await call("GET", `/integrations/${id}/activations?status=ACTIVE`);
    expect(active.body.results.map((a: { companyId: number }) => a.companyId)).toEqual([
      DEMO_COMPANY_IDS.flowActivated,
    ]);
  });

  it("names an unknown field deep in a definition, and keeps the integration as it was", async () => {
    const { call, id } = await setup();
    const before = await call("GET", `/integrations/${id}`);
    const definition = structuredClone(before.body.latest.definition);
    definition.technicalUser.rights[0].levle = "view";
    const answer = await call("PUT", `/integrations/${id}`, { definition });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        field: "definition.technicalUser.rights[0].levle",
        code: "UNKNOWN_FIELD",
      }),
    ]);
    const limits = await call("PUT", `/integrations/${id}/limits`, { maxConcurrent: 2 });
    expect(limits.status).toBe(400);
    expect(limits.body.errors).toContainEqual(
      expect.objectContaining({ field: "maxConcurrent", code: "UNKNOWN_FIELD" }),
    );
    const after = await call("GET", `/integrations/${id}`);
    expect(after.body.latest.version).toBe(before.body.latest.version);
  });

  it("expires an unanswered request after the TTL (injected clock); deciding it is a 409", async () => {
    const clock = fakeTime(CLOCK_START);
    const { s, call, id } = await setup({ now: clock.now, requestTtlMs: 60_000 });
    const request = (
      await admin(s, "POST", "/activation-requests", {
        integrationId: id,
        companyIds: [1004, 1005],
      })
    ).body.request;
    expect(request.expiresAt).toBe("2025-06-01T10:01:00.000Z");
    await call("POST", `/activation-requests/${request.id}/approve`, { environments: [1004] });
    clock.advance(60_000);
    const got = await call("GET", `/activation-requests/${request.id}`);
    expect(got.body.status).toBe("EXPIRED");
    expect(got.body.environments.map((e: { status: string }) => e.status)).toEqual([
      "APPROVED",
      "EXPIRED",
    ]);
    const late = await call("POST", `/activation-requests/${request.id}/approve`, {});
    expect(late.status).toBe(409);
    expect(late.body.errors[0].code).toBe("REQUEST_EXPIRED");
    const overview = await admin(s, "GET", "/users/1/overview");
    expect(overview.body.requests[0]).toMatchObject({
      id: request.id,
      status: "EXPIRED",
      integrationName: "Acme Invoice Sync",
    });
    // The environment can be picked again.
    const again = await admin(s, "POST", "/activation-requests", {
      integrationId: id,
      companyIds: [1005],
    });
    expect(again.status).toBe(201);
  });
});
