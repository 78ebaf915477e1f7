import { describe, expect, it } from "vitest";
import { accessToken, admin, client, definition, RAISED_RIGHTS, sandbox } from "./helpers.js";

async function setup() {
  const s = await sandbox();
  return { s, call: client(s, await accessToken(s)) };
}

describe("integrations", () => {
  it("creates version 1 in review, approves it with a link, and lists newer versions", async () => {
    const { s, call } = await setup();
    const created = await call("POST", "/integrations", {
      definition: definition({ maxConcurrentActivations: 20 }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      latest: { version: 1, reviewState: "IN_REVIEW", reviewComment: null },
      published: null,
      activationLink: null,
      maxConcurrentActivations: 20,
    });
    const id = created.body.id;
    const reviewed = await admin(s, "POST", `/integrations/${id}/review`, { decision: "approve" });
    expect(reviewed.body.activationLink).toBe(`${s.url}/activate/${id}`);
    const updated = await call("PUT", `/integrations/${id}`, {
      definition: definition({}, RAISED_RIGHTS),
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      latest: { version: 2, reviewState: "IN_REVIEW" },
      published: { version: 1 },
      activationLink: `${s.url}/activate/${id}`,
    });
    const changes = await admin(s, "POST", `/integrations/${id}/review`, {
      decision: "request-changes",
      comment: "Explain why you need business partners.",
    });
    expect(changes.body.latest).toMatchObject({
      version: 2,
      reviewState: "CHANGES_REQUESTED",
      reviewComment: "Explain why you need business partners.",
    });
    const again = await admin(s, "POST", `/integrations/${id}/review`, { decision: "approve" });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].code).toBe("NOT_IN_REVIEW");
    const got = await call("GET", `/integrations/${id}`);
    expect(got.body.published.version).toBe(1);
  });

  it("supersedes an older version still in review", async () => {
    const { s, call } = await setup();
    const id = (await call("POST", "/integrations", { definition: definition() })).body.id;
    await call("PUT", `/integrations/${id}`, {
      definition: definition({ name: "Acme Invoice Sync 2" }),
    });
    const got = await call("GET", `/integrations/${id}`);
    expect(got.body.latest).toMatchObject({ version: 2, reviewState: "IN_REVIEW" });
    const state = await admin(s, "GET", "/state");
    expect(state.body.integrations[0].versions[0]).toMatchObject({
      version: 1,
      reviewState: "CHANGES_REQUESTED",
      reviewComment: "Superseded by version 2 before review.",
    });
  });

  it("pages integrations (0-based page, size, results + meta)", async () => {
    const { call } = await setup();
    for (let i = 0; i < 5; i++)
      await call("POST", "/integrations", { definition: definition({ name: `Integration ${i}` }) });
    const first = await call("GET", "/integrations?page=0&size=2");
    expect(first.body.meta).toEqual({ pageNumber: 0, pageSize: 2, resultCount: 2, totalCount: 5 });
    const last = await call("GET", "/integrations?page=2&size=2");
    expect(last.body.meta).toEqual({ pageNumber: 2, pageSize: 2, resultCount: 1, totalCount: 5 });
    expect(last.body.results[0].latest.definition.name).toBe("Integration 4");
    const beyond = await call("GET", "/integrations?page=9&size=2");
    expect(beyond.body.results).toEqual([]);
  });

  it("gets and sets limits", async () => {
    const { call } = await setup();
    const id = (await call("POST", "/integrations", { definition: definition() })).body.id;
    expect((await call("GET", `/integrations/${id}/limits`)).body).toEqual({
      maxConcurrentActivations: null,
    });
    const set = await call("PUT", `/integrations/${id}/limits`, { maxConcurrentActivations: 5 });
    expect(set.body).toEqual({ maxConcurrentActivations: 5 });
    expect((await call("GET", `/integrations/${id}`)).body.maxConcurrentActivations).toBe(5);
  });
});

describe("validation and routing errors", () => {
  it("names the offending fields as dot-paths", async () => {
    const { call } = await setup();
    const bad = definition();
    const body = {
      definition: {
        ...bad,
        callbackUrl: "ftp://acme.example",
        technicalUser: {
          ...bad.technicalUser,
          rights: [{ right: "sales-invoices", level: "write", purpose: "Creates sales invoices." }],
        },
      },
    };
    const answer = await call("POST", "/integrations", body);
    expect(answer.status).toBe(400);
    const fields = answer.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toContain("definition.technicalUser.rights[0].level");
    expect(fields).toContain("definition.callbackUrl");
    const missing = await call("POST", "/integrations", {});
    expect(missing.body.errors).toEqual([
      { field: "definition", message: "is required", code: "REQUIRED" },
    ]);
  });

  it("validates path and query parameters", async () => {
    const { call } = await setup();
    const size = await call("GET", "/integrations?size=500");
    expect(size.status).toBe(400);
    expect(size.body.errors[0].field).toBe("size");
    const page = await call("GET", "/integrations?page=-1");
    expect(page.body.errors[0].field).toBe("page");
    const id = await call("GET", "/integrations/abc");
    expect(id.status).toBe(400);
    expect(id.body.errors[0].field).toBe("id");
    const status = await call("GET", "/integrations/1/activation-requests?status=WAITING");
    expect(status.body.errors[0].field).toBe("status");
  });

  it("answers bad JSON, unknown ids, unknown routes and wrong methods in the errors[] shape", async () => {
    const { s, call } = await setup();
    const token = await accessToken(s);
    const json = await fetch(`${s.apiBaseUrl}/integrations`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{nope",
    });
    expect(json.status).toBe(400);
    expect((await json.json()).errors[0].code).toBe("INVALID_JSON");
    const unknown = await call("GET", "/integrations/999");
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]).toMatchObject({ field: null, code: "NOT_FOUND" });
    const route = await call("GET", "/nothing-here");
    expect(route.status).toBe(404);
    const method = await call("DELETE", "/integrations/1");
    expect(method.status).toBe(405);
    expect(method.headers.get("allow")).toBe("GET, PUT");
    const root = await fetch(`${s.url}/nowhere`);
    expect(root.status).toBe(404);
    expect((await root.json()).errors[0].message).toMatch(/under \/api/);
  });
});
