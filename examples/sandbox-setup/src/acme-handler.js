// Acme's callback handler, as the Express and Fastify examples run it (and
// the Hono example with its own decision): the SQLite store, the keyring
// that seals the technical users' API keys, and Acme's decision.
import { createCallbackHandler, createClient, createKeyring } from "@pcx/sdk";
import { createSqliteStore } from "@pcx/store-sql/sqlite";
import { isCustomer, NOT_A_CUSTOMER } from "./acme-customers.js";

/**
 * Acme's decision: approve the environments of its customers, reject the
 * others with a reason the customer reads in Procountor.
 * @type {import("@pcx/sdk").CallbackHandlerOptions["onActivationRequest"]}
 */
export const approveCustomers = (request) =>
  request.environments.map(({ companyId, businessId }) =>
    isCustomer(businessId)
      ? { companyId, action: "approve" }
      : { companyId, action: "reject", reason: NOT_A_CUSTOMER },
  );

/**
 * The callback handler for `options`, deciding with `onActivationRequest`,
 * and `close()` for its store and client (after the server stops).
 * @param {import("./backend-options.js").BackendOptions} options
 * @param {import("@pcx/sdk").CallbackHandlerOptions["onActivationRequest"]} onActivationRequest
 */
export async function createAcmeHandler(options, onActivationRequest) {
  const client = createClient(options.api);
  const store = await createSqliteStore({ filename: options.storeFile });
  const handler = createCallbackHandler({
    client,
    store,
    integrationId: options.integrationId,
    stateSecrets: options.stateSecrets,
    sealer: createKeyring({ keys: options.keyringKeys }),
    appName: "Acme Invoice Sync",
    onActivationRequest,
    onDecided: options.onDecided,
    logger: options.logger,
  });
  const close = async () => {
    await store.close();
    await client.close();
  };
  return { handler, close };
}
