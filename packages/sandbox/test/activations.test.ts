import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_COMPANY_IDS, startSandbox } from "../src/index.js";
import {
  accessToken,
  admin,
  client,
  definition,
  publishedIntegration,
  RAISED_RIGHTS,
  sandbox,
  tokenRequest,
} from "./helpers.js";

async function activated(companyIds: number[]) {
  const s = await sandbox();
  const call = client(s, await accessToken(s));
  const id = await publishedIntegration(s, call);
  const request = (
    await admin(s, "POST", "/activation-requests", { integrationId: id, companyIds })
  ).body.request;
  const approved = await call("POST", `/activation-requests/${request.id}/approve`, {});
  return {
    s,
    call,
    id,
    credentials: approved.body.credentials as { companyId: number; apiKey: string }[],
  };
}

describe("activations", () => {
  it("marks activations UPDATE_REQUIRED when a version raising rights is approved; the update flow brings them back", async () => {
    const { s, call, id } = await activated([1001, 1004]);
    await call("PUT", `/integrations/${id}`, { definition: definition({}, RAISED_RIGHTS) });
    // Still in review: nothing changes for customers.
    expect(
      (await call("GET", `/integrations/${id}/activations?status=UPDATE_REQUIRED`)).body.meta
        .totalCount,
    ).toBe(0);
    await admin(s, "POST", `/integrations/${id}/review`, { decision: "approve" });
    const required = await call("GET", `/integrations/${id}/activations?status=UPDATE_REQUIRED`);
    expect(
      required.body.results.map((a: { companyId: number; version: number }) => [
        a.companyId,
        a.version,
      ]),
    ).toEqual([
      [1001, 1],
      [DEMO_COMPANY_IDS.flowActivated, 1],
      [1004, 1],
    ]);
    const overview = await admin(s, "GET", "/users/1/overview");
    expect(overview.body.updatesRequired).toEqual([
      expect.objectContaining({
        integrationId: id,
        toVersion: 2,
        environments: expect.arrayContaining([
          expect.objectContaining({ companyId: 1004, canUpdate: true }),
        ]),
      }),
    ]);
    const update = await admin(s, "POST", "/update-requests", {
      integrationId: id,
      companyIds: [1001, 1004],
    });
    expect(update.status).toBe(201);
    expect(update.body.request).toMatchObject({ kind: "UPDATE", integrationVersion: 2 });
    const approved = await call(
      "POST",
      `/activation-requests/${update.body.request.id}/approve`,
      {},
    );
    expect(approved.body.credentials).toHaveLength(2);
    const after = await call("GET", `/integrations/${id}/activations`);
    expect(
      after.body.results.map((a: { companyId: number; status: string; version: number }) => [
        a.companyId,
        a.status,
        a.version,
      ]),
    ).toEqual([
      [1001, "ACTIVE", 2],
      [DEMO_COMPANY_IDS.flowActivated, "UPDATE_REQUIRED", 1],
      [1004, "ACTIVE", 2],
    ]);
    const nothing = await admin(s, "POST", "/update-requests", {
      integrationId: id,
      companyIds: [1004],
    });
    expect(nothing.status).toBe(409);
  });

  it("keeps activations ACTIVE when a new version needs no acceptance", async () => {
    const { s, call, id } = await activated([1004]);
    await call("PUT", `/integrations/${id}`, {
      definition: definition({ description: "Sends sales invoices from Acme Shop, now faster." }),
    });
    await admin(s, "POST", `/integrations/${id}/review`, { decision: "approve" });
    const list = await call("GET", `/integrations/${id}/activations`);
    expect(
      list.body.results.every(
        (a: { status: string; version: number }) => a.status === "ACTIVE" && a.version === 2,
      ),
    ).toBe(true);
  });

  it("deactivation removes the activation and kills the technical user's key and tokens", async () => {
    const { s, call, id, credentials } = await activated([1004]);
    const apiKey = credentials[0]?.apiKey as string;
    const technicalToken = await accessToken(s, apiKey);
    const removed = await call("POST", `/integrations/${id}/activations/1004/deactivate`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ companyId: 1004, status: "REMOVED" });
    const token = await tokenRequest(s, {
      grant_type: "client_credentials",
      client_id: s.credentials.clientId,
      client_secret: s.credentials.clientSecret,
      api_key: apiKey,
    });
    expect(token.status).toBe(401);
    expect(token.body.error).toBe("invalid_grant");
    expect(
      (await admin(s, "POST", "/oauth/introspect", { token: technicalToken })).body.active,
    ).toBe(false);
    const twice = await call("POST", `/integrations/${id}/activations/1004/deactivate`);
    expect(twice.status).toBe(409);
    const never = await call("POST", `/integrations/${id}/activations/1005/deactivate`);
    expect(never.status).toBe(404);
    // Removed environments can be picked again, and get a fresh key.
    const again = await admin(s, "POST", "/activation-requests", {
      integrationId: id,
      companyIds: [1004],
    });
    const approved = await call(
      "POST",
      `/activation-requests/${again.body.request.id}/approve`,
      {},
    );
    expect(approved.body.credentials[0].apiKey).not.toBe(apiKey);
  });

  it("rejects a pending update of an environment the integrator removes", async () => {
    const { s, call, id } = await activated([1004]);
    await call("PUT", `/integrations/${id}`, { definition: definition({}, RAISED_RIGHTS) });
    await admin(s, "POST", `/integrations/${id}/review`, { decision: "approve" });
    const update = await admin(s, "POST", "/update-requests", {
      integrationId: id,
      companyIds: [1004],
    });
    await call("POST", `/integrations/${id}/activations/1004/deactivate`);
    const request = await call("GET", `/activation-requests/${update.body.request.id}`);
    expect(request.body).toMatchObject({
      status: "COMPLETED",
      environments: [{ status: "REJECTED", reason: expect.stringMatching(/removed/) }],
    });
  });
});

describe("state file", () => {
  const dir = mkdtempSync(join(tmpdir(), "pcx-sandbox-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps everything across a restart on the same file", async () => {
    const dataFile = join(dir, "state.db");
    const first = await startSandbox({ port: 0, dataFile });
    let id: number;
    let token: string;
    try {
      token = await accessToken(first);
      const call = client(first, token);
      id = await publishedIntegration(first, call);
      const request = (
        await admin(first, "POST", "/activation-requests", {
          integrationId: id,
          companyIds: [1004],
        })
      ).body.request;
      await call(
        "POST",
        `/activation-requests/${request.id}/approve`,
        {},
        { "Idempotency-Key": "persisted" },
      );
    } finally {
      await first.close();
    }
    const second = await startSandbox({ port: 0, dataFile });
    try {
      const call = client(second, token);
      const got = await call("GET", `/integrations/${id}`);
      expect(got.status).toBe(200);
      expect(got.body.activationLink).toBe(`${second.url}/activate/${id}`);
      const activations = await call("GET", `/integrations/${id}/activations`);
      expect(activations.body.meta.totalCount).toBe(2);
      const replay = await call(
        "POST",
        "/activation-requests/1/approve",
        {},
        { "Idempotency-Key": "persisted" },
      );
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      const users = await admin(second, "GET", "/users");
      expect(users.body).toHaveLength(3);
    } finally {
      await second.close();
    }
  });
});
