import {
  activationRequest,
  integration,
  ORIGIN,
  page,
  SECRETS,
  TOKEN_REPLY,
  testClient,
} from "@pcx/testkit";
import { nockOnly } from "@pcx/testkit/nock";
import nock from "nock";
import { beforeEach, describe, expect, it } from "vitest";
import type { Activation } from "../contract/index.js";
import { decisionIdempotencyKey } from "./idempotency-key.js";

const api = () => nock(ORIGIN);

function activation(companyId: number): Activation {
  return {
    companyId,
    companyName: `Company ${companyId}`,
    businessId: "1234567-8",
    version: 1,
    status: "ACTIVE",
    technicalUsername: "acme-invoice-sync",
    activatedAt: "2025-06-01T12:00:00Z",
    updatedAt: "2025-06-01T12:00:00Z",
  };
}

describe("client resources", () => {
  nockOnly();
  beforeEach(() => {
    api().post("/api/oauth/token").reply(200, TOKEN_REPLY);
  });

  it("walks activation requests across 3 pages with for await", async () => {
    const { client } = testClient();
    const requested: string[] = [];
    api()
      .get("/api/integrations/12/activation-requests")
      .query(true)
      .times(3)
      .reply((uri) => {
        requested.push(uri);
        const n = Number(new URL(uri, ORIGIN).searchParams.get("page"));
        const ids = n < 2 ? [n * 2 + 1, n * 2 + 2] : [5];
        return [
          200,
          page(
            ids.map((id) => activationRequest(id)),
            n,
            2,
            5,
          ),
        ];
      });
    const ids: number[] = [];
    for await (const request of client.activationRequests.list(12, {
      status: "PENDING",
      size: 2,
    })) {
      ids.push(request.id);
    }
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(requested).toEqual([
      "/api/integrations/12/activation-requests?page=0&size=2&status=PENDING",
      "/api/integrations/12/activation-requests?page=1&size=2&status=PENDING",
      "/api/integrations/12/activation-requests?page=2&size=2&status=PENDING",
    ]);
  });

  it("fetches pages lazily: stopping early stops fetching; .pages() and listPage()", async () => {
    const { client } = testClient();
    const scope = api()
      .get("/api/integrations/12/activations")
      .query({ page: 0, size: 2 })
      .reply(200, page([activation(1), activation(2)], 0, 2, 6));
    const firstOne = await client.activations.list(12, { size: 2 }).toArray({ limit: 1 });
    expect(firstOne.map((a) => a.companyId)).toEqual([1]);
    expect(scope.isDone()).toBe(true);

    api()
      .get("/api/integrations/12/activations")
      .query({ page: 0, size: 50, status: "ACTIVE" })
      .reply(200, page([activation(1)], 0, 50, 1));
    const pages = [];
    for await (const p of client.activations.list(12, { status: "ACTIVE" }).pages()) pages.push(p);
    expect(pages).toHaveLength(1);

    api()
      .get("/api/integrations")
      .query({ page: 3, size: 10 })
      .reply(200, page([integration(40)], 3, 10, 31));
    const one = await client.integrations.listPage({ page: 3, size: 10 });
    expect(one.meta.totalCount).toBe(31);
    expect(one.results[0]?.id).toBe(40);
  });

  it("stops on an empty first page", async () => {
    const { client } = testClient();
    api()
      .get("/api/integrations")
      .query(true)
      .reply(200, page([], 0, 50, 0));
    expect(await client.integrations.list().toArray()).toEqual([]);
  });

  it("derives the decision keys from request id, decision and sorted environments", async () => {
    const { client } = testClient();
    const keys: string[] = [];
    const bodies: unknown[] = [];
    const approved = {
      request: activationRequest(501, { status: "COMPLETED" }),
      credentials: [
        { companyId: 1001, username: "acme-invoice-sync", apiKey: SECRETS.technicalKey },
      ],
    };
    api()
      .post("/api/activation-requests/501/approve")
      .times(3)
      .reply(function (_uri, body) {
        keys.push(String(this.req.headers["idempotency-key"]));
        bodies.push(body);
        return [200, approved];
      });
    const result = await client.activationRequests.approve(501, { environments: [1002, 1001] });
    expect(result.credentials[0]?.apiKey).toBe(SECRETS.technicalKey);
    // A second backend instance, environments in another order: the same key.
    await client.activationRequests.approve(501, { environments: [1001, 1002, 1001] });
    await client.activationRequests.approve(501);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[0]).toMatch(/^pcx-approve-501-[0-9a-f]{32}$/);
    expect(keys[2]).not.toBe(keys[0]);
    // The body is normalised like the key, so both instances send the same bytes.
    expect(bodies).toEqual([{ environments: [1001, 1002] }, { environments: [1001, 1002] }, {}]);
    expect(keys[0]).toBe(
      await decisionIdempotencyKey({
        requestId: 501,
        decision: "approve",
        environments: [1001, 1002],
      }),
    );

    api()
      .post("/api/activation-requests/501/reject", { reason: "Not our customer" })
      .times(2)
      .reply(function () {
        keys.push(String(this.req.headers["idempotency-key"]));
        return [200, { request: activationRequest(501, { status: "COMPLETED" }) }];
      });
    await client.activationRequests.reject(501, { reason: "Not our customer" });
    await client.activationRequests.reject(501, {
      reason: "Not our customer",
      idempotencyKey: "caller-key",
    });
    expect(keys[3]).toMatch(/^pcx-reject-501-[0-9a-f]{32}$/);
    expect(keys[3]).not.toBe(keys[2]);
    expect(keys[4]).toBe("caller-key");
  });

  it("keeps a derived key across retries", async () => {
    const { client } = testClient();
    const keys: string[] = [];
    api()
      .post("/api/activation-requests/7/reject")
      .times(2)
      .reply(function () {
        keys.push(String(this.req.headers["idempotency-key"]));
        return keys.length === 1
          ? [503, "busy"]
          : [200, { request: activationRequest(7, { status: "COMPLETED" }) }];
      });
    await client.activationRequests.reject(7, { reason: "Duplicate", environments: [3] });
    expect(keys[0]).toBe(keys[1]);
    expect(keys[0]).toBe(
      await decisionIdempotencyKey({ requestId: 7, decision: "reject", environments: [3] }),
    );
  });

  it("reads and sets limits, creates and updates definitions, deactivates", async () => {
    const { client } = testClient();
    api().get("/api/integrations/12/limits").reply(200, { maxConcurrentActivations: 20 });
    expect(await client.integrations.getLimits(12)).toEqual({ maxConcurrentActivations: 20 });

    const definition = { ...integration(1).latest.definition, $schema: "./schema.json" };
    api()
      .post("/api/integrations", (body) => !("$schema" in body.definition))
      .reply(201, integration(13));
    expect((await client.integrations.create(definition)).id).toBe(13);
    api().put("/api/integrations/13").reply(200, integration(13));
    expect((await client.integrations.update(13, definition)).id).toBe(13);

    api()
      .post("/api/integrations/12/activations/1001/deactivate")
      .matchHeader("idempotency-key", /^[0-9a-f-]{36}$/)
      .reply(200, { ...activation(1001), status: "REMOVED" });
    expect((await client.activations.deactivate(12, 1001)).status).toBe("REMOVED");
  });
});
