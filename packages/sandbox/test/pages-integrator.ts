import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type ProcountorClient, verifyState } from "@pcx/sdk";

/**
 * A tiny integrator backend. Its callback `/procountor/callback` approves
 * through the partner API and says "You're done"; `/procountor/later` only
 * thanks the customer and decides nothing (the request then times out).
 */
export async function startIntegrator(client: () => ProcountorClient, stateSecret: string) {
  const visits: number[] = [];
  const deferred: number[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const send = (status: number, title: string, text: string) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="font:18px system-ui;margin:3rem;color:#222"><p style="color:#b3261e;font-weight:700">Acme (the integrator's own site)</p><h1>${title}</h1><p>${text}</p></body></html>`,
      );
    };
    if (url.pathname === "/logo.svg") {
      res.writeHead(200, { "content-type": "image/svg+xml" });
      res.end(
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#b3261e"/><text x="32" y="43" font-size="30" font-family="sans-serif" font-weight="700" fill="#fff" text-anchor="middle">A</text></svg>`,
      );
      return;
    }
    if (url.pathname === "/procountor/later") {
      deferred.push(Number(url.searchParams.get("activationRequestId")));
      return send(200, "Thanks", "Acme will look at your request and get back to you.");
    }
    if (url.pathname !== "/procountor/callback") return send(404, "Not found", "");
    try {
      const id = Number(url.searchParams.get("activationRequestId"));
      visits.push(id);
      const request = await client().activationRequests.get(id);
      if (request.kind === "ACTIVATION") {
        // The state must have been made for the integration this request is for.
        const state = await verifyState(url.searchParams.get("state"), {
          secrets: { k1: stateSecret },
          integrationId: request.integrationId,
        });
        if (!state.ok) return send(400, "Link not valid", state.message);
      }
      if (request.status !== "PENDING") return send(409, "Already processed", "");
      await client().activationRequests.approve(id);
      send(
        200,
        "You're done",
        `Acme approved request ${id} for ${request.environments.length} environment(s). You can close this tab and go back to Procountor.`,
      );
    } catch (error) {
      send(500, "Integrator error", String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    visits,
    deferred,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
