// The Express backend: approves the environments of Acme's customers and
// rejects the others with a reason the customer reads in Procountor.
import { once } from "node:events";
import { expressCallback } from "@pcx/sdk/callback/express";
import express from "express";
import { approveCustomers, createAcmeHandler } from "sandbox-setup/acme-handler";
import { running } from "sandbox-setup/running";

/** Starts the backend. @param {import("sandbox-setup").BackendOptions} options */
export async function startBackend(options) {
  const { handler, close } = await createAcmeHandler(options, approveCustomers);
  const app = express();
  app.all("/procountor/callback", expressCallback(handler));
  const server = app.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  await once(server, "listening");
  return running(server, handler, close);
}
