import { readBody, startLocalServer } from "@pcx/testkit";
import { nockOnly } from "@pcx/testkit/nock";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { fetchTransport } from "./fetch-transport.js";

const ORIGIN = "https://transport.pcx-test.example";

describe("fetchTransport", () => {
  nockOnly("127.0.0.1");

  it("goes through global fetch, so nock 14 intercepts it", async () => {
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
  });

  it("passes one Web Request, with no undici dispatcher, to the fetch it is given", async () => {
    const seen: Request[] = [];
    const transport = fetchTransport({
      fetch: async (request) => {
        seen.push(request);
        return new Response('{"in":"process"}', {
          status: 200,
          headers: { "X-Answer": "yes" },
        });
      },
    });
    const response = await transport.request({
      method: "PUT",
      url: `${ORIGIN}/api/e?q=1`,
      headers: { "Content-Type": "application/json", Authorization: "Bearer t" },
      body: '{"a":1}',
    });
    expect(response).toEqual({
      status: 200,
      headers: { "content-type": "text/plain;charset=UTF-8", "x-answer": "yes" },
      body: '{"in":"process"}',
    });
    const [request] = seen;
    expect(request).toBeInstanceOf(Request);
    expect(request?.method).toBe("PUT");
    expect(request?.url).toBe(`${ORIGIN}/api/e?q=1`);
    expect(request?.headers.get("authorization")).toBe("Bearer t");
    expect(await request?.text()).toBe('{"a":1}');
    expect((request as Request & { dispatcher?: unknown }).dispatcher).toBeUndefined();
  });

  it("reaches a real server through the runtime's own fetch", async () => {
    nock.restore(); // nock's interceptor would answer passthrough requests itself
    const server = await startLocalServer(async (req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ method: req.method, path: req.url, body: await readBody(req) }));
    });
    try {
      const response = await fetchTransport().request({
        method: "POST",
        url: `${server.origin}/n/1?x=2`,
        headers: { "Content-Type": "text/plain" },
        body: "hello",
      });
      expect(JSON.parse(response.body)).toEqual({
        method: "POST",
        path: "/n/1?x=2",
        body: "hello",
      });
    } finally {
      await server.close();
      nock.activate();
    }
  });
});
