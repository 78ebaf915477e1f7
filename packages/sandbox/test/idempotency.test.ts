import { describe, expect, it } from "vitest";
import {
  accessToken,
  admin,
  client,
  definition,
  publishedIntegration,
  sandbox,
} from "./helpers.js";

describe("Idempotency-Key", () => {
  it("replays the first answer for the same key and body without applying again", async () => {
    const s = await sandbox();
    const call = client(s, await accessToken(s));
    const first = await call(
      "POST",
      "/integrations",
      { definition: definition() },
      { "Idempotency-Key": "create-1" },
    );
    const replay = await call(
      "POST",
      "/integrations",
      { definition: definition() },
      { "Idempotency-Key": "create-1" },
    );
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await call("GET", "/integrations")).body.meta.totalCount).toBe(1);
  });

  it("answers 409 IDEMPOTENCY_KEY_REUSED for the same key with another body", async () => {
    const s = await sandbox();
    const call = client(s, await accessToken(s));
    await call("POST", "/integrations", { definition: definition() }, { "Idempotency-Key": "k" });
    const other = await call(
      "POST",
      "/integrations",
      { definition: definition({ name: "Another" }) },
      { "Idempotency-Key": "k" },
    );
    expect(other.status).toBe(409);
    expect(other.body.errors[0]).toMatchObject({
      code: "IDEMPOTENCY_KEY_REUSED",
      field: "Idempotency-Key",
    });
  });

  it("replays an approval (same credentials) and records one decision", async () => {
    const s = await sandbox();
    const call = client(s, await accessToken(s));
    const id = await publishedIntegration(s, call);
    const request = (
      await admin(s, "POST", "/activation-requests", { integrationId: id, companyIds: [1004] })
    ).body.request;
    const headers = { "Idempotency-Key": `approve-${request.id}` };
    const [a, b] = await Promise.all([
      call("POST", `/activation-requests/${request.id}/approve`, {}, headers),
      call("POST", `/activation-requests/${request.id}/approve`, {}, headers),
    ]);
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    // A different key is a new request: the environment is already decided.
    const fresh = await call(
      "POST",
      `/activation-requests/${request.id}/approve`,
      {},
      { "Idempotency-Key": "other" },
    );
    expect(fresh.status).toBe(409);
    // Replaying that 409 answers the same 409.
    const replayed409 = await call(
      "POST",
      `/activation-requests/${request.id}/approve`,
      {},
      { "Idempotency-Key": "other" },
    );
    expect(replayed409.status).toBe(409);
    expect(replayed409.headers.get("idempotent-replayed")).toBe("true");
    const state = await admin(s, "GET", "/state");
    const decisions = state.body.audit.filter(
      (e: { kind: string; requestId: number }) =>
        e.kind === "environment.decided" && e.requestId === request.id,
    );
    expect(decisions).toHaveLength(1);
  });

  it("does not store validation failures (the client may fix the body and retry)", async () => {
    const s = await sandbox();
    const call = client(s, await accessToken(s));
    const bad = await call(
      "POST",
      "/integrations",
      { definition: { name: "x" } },
      { "Idempotency-Key": "v" },
    );
    expect(bad.status).toBe(400);
    const fixed = await call(
      "POST",
      "/integrations",
      { definition: definition() },
      { "Idempotency-Key": "v" },
    );
    expect(fixed.status).toBe(201);
    const tooLong = await call(
      "POST",
      "/integrations",
      { definition: definition() },
      { "Idempotency-Key": "x".repeat(256) },
    );
    expect(tooLong.body.errors[0].field).toBe("Idempotency-Key");
  });
});
