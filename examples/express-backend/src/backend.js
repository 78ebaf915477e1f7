// The Express backend: approves the environments of Acme's customers and
// rejects the others with a reason the customer reads in Procountor.
import { once } from "node:events";
import { createCallbackHandler, createClient, createKeyring } from "@pcx/sdk";
import { expressCallback } from "@pcx/sdk/callback/express";
import { createSqliteStore } from "@pcx/store-sql/sqlite";
import express from "express";
import { isCustomer, NOT_A_CUSTOMER } from "./customers.js";
import { running } from "./running.js";

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
  const app = express();
  app.all("/procountor/callback", expressCallback(handler));
  const server = app.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  await once(server, "listening");
  return running(server, handler, [store, client]);
}
