// The Hono backend: defers every activation request, asks the customer for
// their Acme contract number on its own page, and completes the request when
// they submit it: approved with a contract number, rejected without one.

import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { serve } from "@hono/node-server";
import { approveAll, rejectAll } from "@pcx/sdk";
import { fetchCallback } from "@pcx/sdk/callback/fetch";
import { Hono } from "hono";
import { createAcmeHandler } from "sandbox-setup/acme-handler";
import { running } from "sandbox-setup/running";
import { contractPage, donePage, failedPage, isContractNumber, NO_CONTRACT } from "./pages.js";

/** Starts the backend. @param {import("sandbox-setup").BackendOptions} options */
export async function startBackend(options) {
  /** @type {Map<string, import("@pcx/sdk/contract").ActivationRequest>} deferred requests by their form's ticket */
  const deferred = new Map();
  const { handler, close } = await createAcmeHandler(options, (request, ctx) => {
    const ticket = randomUUID(); // unguessable: only this customer's browser gets the form's URL
    deferred.set(ticket, request);
    return ctx.defer(`/contract/${ticket}`);
  });
  const callback = fetchCallback(handler);
  const app = new Hono();
  app.all("/procountor/callback", (c) => callback.fetch(c.req.raw));
  app.get("/contract/:ticket", (c) => {
    const request = deferred.get(c.req.param("ticket"));
    return request
      ? c.html(contractPage(request))
      : c.html(failedPage("This form has expired."), 404);
  });
  app.post("/contract/:ticket", async (c) => {
    const request = deferred.get(c.req.param("ticket"));
    if (!request) return c.html(failedPage("This form has expired."), 404);
    /** @type {Record<string, unknown>} a malformed body counts as an empty form */
    const form = await c.req.parseBody().catch(() => ({}));
    const contract = String(form.contract ?? "").trim();
    const noContract = form.answer === "none";
    if (!noContract && !isContractNumber(contract))
      return c.html(contractPage(request, contract), 422);
    const decision = noContract ? rejectAll(request, NO_CONTRACT) : approveAll(request);
    try {
      const result = await handler.complete(request.id, decision);
      deferred.delete(c.req.param("ticket"));
      return c.html(donePage(result));
    } catch (error) {
      options.logger?.error(`completing request ${request.id} failed: ${error}`);
      return c.html(
        failedPage("We could not send your answer to Procountor. Please try again."),
        503,
      );
    }
  });
  const server = /** @type {import("node:http").Server} */ (
    serve({ fetch: app.fetch, port: options.port ?? 0, hostname: options.host ?? "127.0.0.1" })
  );
  await once(server, "listening");
  return running(server, handler, close);
}
