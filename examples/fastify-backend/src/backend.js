// The Fastify backend: approves the environments of Acme's customers and
// rejects the others with a reason the customer reads in Procountor.
import { fastifyCallback } from "@pcx/sdk/callback/fastify";
import Fastify from "fastify";
import { approveCustomers, createAcmeHandler } from "sandbox-setup/acme-handler";

/** Starts the backend. @param {import("sandbox-setup").BackendOptions} options */
export async function startBackend(options) {
  const { handler, close } = await createAcmeHandler(options, approveCustomers);
  const app = Fastify();
  await app.register(fastifyCallback, { handler });
  app.addHook("onClose", close);
  const url = await app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  return { url, callbackUrl: `${url}/procountor/callback`, handler, close: () => app.close() };
}
