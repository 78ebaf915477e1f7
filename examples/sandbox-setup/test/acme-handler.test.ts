// Acme's callback handler (src/acme-handler.js, the Express and Fastify
// examples' own) against the real sandbox, served by plain node:http: the
// customer's pages → the hand-off → the callback → approved for Acme's
// customers, rejected with the reason for the others; keys sealed in SQLite.

import { once } from "node:events";
import { createServer } from "node:http";
import { createKeyring } from "@pcx/sdk";
import { nodeCallback } from "@pcx/sdk/callback/node";
import { createSqliteStore } from "@pcx/store-sql/sqlite";
import { type ExampleWorld, exampleBackendWorld } from "@pcx/testkit/sandbox";
import { afterEach, expect, it } from "vitest";
import { NOT_A_CUSTOMER } from "../src/acme-customers.js";
import { approveCustomers, createAcmeHandler } from "../src/acme-handler.js";
import { running } from "../src/running.js";

/** The Express example's backend without Express. */
async function startNodeBackend(options: Parameters<typeof createAcmeHandler>[0]) {
  const { handler, close } = await createAcmeHandler(options, approveCustomers);
  const server = createServer(nodeCallback(handler)).listen(options.port ?? 0, "127.0.0.1");
  await once(server, "listening");
  return running(server, handler, close);
}

let world: ExampleWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

it("approves the environments of Acme's customers and rejects the others with the reason", async () => {
  world = await exampleBackendWorld(
    startNodeBackend,
    new URL("../../express-backend/pcx.integration.yaml", import.meta.url),
  );
  // 1001 and 1004 are in acme-customers.js; 1005 is not.
  const { requestId, callbackUrl } = await world.activate([1001, 1004, 1005]);
  expect(callbackUrl.startsWith(`${world.backend.callbackUrl}?`)).toBe(true);

  const answer = await fetch(callbackUrl, { redirect: "manual" });
  expect(answer.status, world.logged.join("\n")).toBe(200);
  const page = await answer.text();
  expect(page).toContain("Acme Invoice Sync processed your activation request");
  expect(page).toContain(NOT_A_CUSTOMER);

  const status = await world.customer.statusText(requestId);
  expect(status).toMatch(/Kinnusen Metsäpalvelu Oy.*?Approved/);
  expect(status).toMatch(/Salmisen Metsäpalvelu Ay.*?Approved/);
  expect(status).toContain(`Niemen Leipomo Oy 1982927-3 Rejected Reason: ${NOT_A_CUSTOMER}`);
  const request = world.sandbox.engine.getRequest(requestId);
  expect(request.environments.map((env) => [env.companyId, env.status, env.reason])).toEqual([
    [1001, "APPROVED", null],
    [1004, "APPROVED", null],
    [1005, "REJECTED", NOT_A_CUSTOMER],
  ]);
  expect(world.decided).toHaveLength(1);
  expect(world.logged).toEqual([]);

  // The approved environments' API keys are in the SQLite file, sealed with the keyring.
  const credentials = world.decided[0]?.credentials ?? [];
  expect(credentials.map((credential) => credential.companyId)).toEqual([1001, 1004]);
  const store = await createSqliteStore({ filename: world.options.storeFile });
  try {
    const keyring = createKeyring({ keys: world.options.keyringKeys });
    const activations = await store.listActivations({ integrationId: world.integrationId });
    expect(activations.map((activation) => activation.companyId).sort()).toEqual([1001, 1004]);
    for (const activation of activations) {
      const sealed = activation.sealedApiKey ?? "";
      const plain = credentials.find((c) => c.companyId === activation.companyId)?.apiKey;
      expect(sealed.startsWith("pcxk1.test.")).toBe(true);
      expect(sealed).not.toContain(plain);
      expect(await keyring.open(sealed)).toBe(plain);
    }
  } finally {
    await store.close();
  }
});
