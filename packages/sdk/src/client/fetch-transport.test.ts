import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fetchTransport } from "./fetch-transport.js";

const ORIGIN = "https://transport.pcx-test.example";

describe("fetchTransport", () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it("is intercepted by nock 14 although it passes an undici Agent as dispatcher", async () => {
    const transport = fetchTransport();
    const scope = nock(ORIGIN)
      .post("/api/x", { a: 1 })
      .matchHeader("content-type", "application/json")
      .reply(201, { ok: true }, { "X-Request-Id": "req-1" });
    const response = await transport.request({
      method: "POST",
      url: `${ORIGIN}/api/x`,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ a: 1 }),
    });
    expect(response.status).toBe(201);
    expect(JSON.parse(response.body)).toEqual({ ok: true });
    expect(response.headers["x-request-id"]).toBe("req-1");
    expect(scope.isDone()).toBe(true);
    await transport.close();
  });

  it("answers 4xx/5xx as responses and throws only when no response arrived", async () => {
    const transport = fetchTransport();
    nock(ORIGIN).get("/api/y").reply(503, "busy");
    await expect(
      transport.request({ method: "GET", url: `${ORIGIN}/api/y`, headers: {} }),
    ).resolves.toMatchObject({ status: 503, body: "busy" });
    nock(ORIGIN).get("/api/z").replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    await expect(
      transport.request({ method: "GET", url: `${ORIGIN}/api/z`, headers: {} }),
    ).rejects.toThrow();
    await transport.close();
  });

  it("keeps connections alive and within its limit against a real server", async () => {
    // nock's fetch interceptor performs passthrough requests itself, so the pool
    // is only observable with interception off.
    nock.restore();
    const sockets = new Set<unknown>();
    const server = createServer((req, res) => {
      sockets.add(req.socket);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ path: req.url }));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    const transport = fetchTransport({ connections: 2 });
    try {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          transport.request({ method: "GET", url: `http://127.0.0.1:${port}/n/${i}`, headers: {} }),
        ),
      );
      responses.forEach((response, i) => {
        expect(JSON.parse(response.body)).toEqual({ path: `/n/${i}` });
      });
      for (let i = 0; i < 10; i++) {
        await transport.request({ method: "GET", url: `http://127.0.0.1:${port}/s`, headers: {} });
      }
      // 30 requests, at most `connections` sockets: the pool limits and reuses them.
      expect(sockets.size).toBeLessThanOrEqual(2);
    } finally {
      await transport.close();
      server.close();
      nock.activate();
    }
  });

  it("uses the runtime's own pool with dispatcher: false (edge runtimes)", async () => {
    const seen: Array<RequestInit & { dispatcher?: unknown }> = [];
    const transport = fetchTransport({
      dispatcher: false,
      fetch: async (_url, init) => {
        seen.push(init as RequestInit);
        return new Response("{}", { status: 200 });
      },
    });
    await transport.request({ method: "GET", url: `${ORIGIN}/api/e`, headers: {} });
    expect(seen[0]?.dispatcher).toBeUndefined();
  });
});
