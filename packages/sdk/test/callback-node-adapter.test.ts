// The node:http adapter's two paths: a handler from createCallbackHandler
// (called without Web objects; a Request is built only when a hook reads it)
// and any other CallbackHandler (through handle, Response written back).
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { closeAfterEach, decisionSandbox, signTestState, TEST_STATE_SECRET } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { nodeCallback } from "../src/callback/adapters/node-callback.js";
import { type CallbackHandler, createCallbackHandler } from "../src/index.js";

const track = closeAfterEach();

async function serve(handler: CallbackHandler): Promise<string> {
  const server: Server = createServer(nodeCallback(handler));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  track({
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A raw request (fetch cannot send TRACE). */
function raw(url: string, method: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(url, { method, headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("nodeCallback", () => {
  it("gives the hook the browser's request, headers included, when it asks", async () => {
    const w = await decisionSandbox();
    track(w);
    const integrationId = w.publish();
    const handler = createCallbackHandler({
      client: w.client,
      integrationId,
      stateSecrets: { k1: TEST_STATE_SECRET },
      sealer: false,
      onActivationRequest: (_request, ctx) =>
        ctx.httpRequest?.headers.get("cookie") === "acme_session=signed-in"
          ? ctx.approveAll()
          : ctx.defer("/acme/sign-in"),
    });
    const base = await serve(handler);
    const query = (id: number) => new URL(w.sandbox.engine.callbackUrlFor(id)).search;
    const anonymous = w.start(integrationId, [1001], await signTestState(integrationId));
    const deferred = await raw(`${base}/procountor/callback${query(anonymous.id)}`, "GET");
    expect(deferred.status).toBe(303);
    expect(deferred.headers.location).toBe("/acme/sign-in");
    const known = w.start(integrationId, [1004], await signTestState(integrationId));
    const page = await raw(`${base}/procountor/callback${query(known.id)}`, "GET", {
      cookie: "acme_session=signed-in",
    });
    expect(page.status).toBe(200);
    expect(page.headers["content-length"]).toBe(String(Buffer.byteLength(page.body)));
    expect(w.decided(known.id)).toHaveLength(1);
    expect(w.decided(anonymous.id)).toEqual([]);
    const trace = await raw(`${base}/procountor/callback${query(known.id)}`, "TRACE");
    expect(trace.status).toBe(405);
    expect(trace.headers.allow).toBe("GET, HEAD");
  });

  it("serves any other CallbackHandler through handle, with every Set-Cookie", async () => {
    const seen: string[] = [];
    const base = await serve({
      async handle(request) {
        seen.push(
          `${request.method} ${new URL(request.url).search} ${request.headers.get("x-test")}`,
        );
        const headers = new Headers({ "content-type": "text/plain" });
        headers.append("set-cookie", "a=1; HttpOnly");
        headers.append("set-cookie", "b=2; HttpOnly");
        return new Response("own answer", { status: 202, headers });
      },
      complete: async () => {
        throw new Error("not used");
      },
    });
    const answer = await raw(`${base}/cb?activationRequestId=1`, "GET", { "x-test": "yes" });
    expect(answer.status).toBe(202);
    expect(answer.body).toBe("own answer");
    expect(answer.headers["set-cookie"]).toEqual(["a=1; HttpOnly", "b=2; HttpOnly"]);
    expect(seen).toEqual(["GET ?activationRequestId=1 yes"]);
    const head = await raw(`${base}/cb`, "HEAD");
    expect(head.status).toBe(202);
    expect(head.body).toBe("");
    const trace = await raw(`${base}/cb`, "TRACE");
    expect(trace.status).toBe(405);
    expect(seen).toHaveLength(2);
  });
});
