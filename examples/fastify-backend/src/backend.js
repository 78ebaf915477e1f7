// The Fastify backend: approves the environments of Acme's customers and
// rejects the others with a reason the customer reads in Procountor.
import { createCallbackHandler, createClient, createKeyring } from "@pcx/sdk";
import { fastifyCallback } from "@pcx/sdk/callback/fastify";
import { createSqliteStore } from "@pcx/store-sql/sqlite";
import Fastify from "fastify";
import { isCustomer, NOT_A_CUSTOMER } from "./customers.js";

/** Starts the backend. @param {import("sandbox-setup").BackendOptions} options */
export async function startBackend(options) {
  const client = createClient(options.api);
  const store = await createSqliteStore({ filename: options.storeFile });
  const handler = createCallbackHandler({
    client,
    store,
    integrationId: options.integrationId,
    stateSecrets: options.stateSecrets,
    sealer: createKeyring({ keys: options.keyringKeys }),
    appName: "Acme Invoice Sync",
    onActivationRequest: (request) =>
      request.environments.map(({ companyId, businessId }) =>
        isCustomer(businessId)
          ? { companyId, action: "approve" }
          : { companyId, action: "reject", reason: NOT_A_CUSTOMER },
      ),
    onDecided: options.onDecided,
    logger: options.logger,
  });
  const app = Fastify();
  await app.register(fastifyCallback, { handler });
  app.addHook("onClose", async () => {
    await store.close();
    await client.close();
  });
  const url = await app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  return { url, callbackUrl: `${url}/procountor/callback`, handler, close: () => app.close() };
}
