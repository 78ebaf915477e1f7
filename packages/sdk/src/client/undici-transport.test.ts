import { readBody, startLocalServer } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { isPcxError } from "../errors/index.js";
import { undiciTransport } from "./undici-transport.js";

describe("undiciTransport", () => {
  it("sends method, path, query, headers and body; answers status, lower-cased headers, text", async () => {
    const server = await startLocalServer(async (req, res) => {
      res.setHeader("X-Request-Id", "req-7");
      res.setHeader("Set-Cookie", ["a=1", "b=2"]);
      res.setHeader("Content-Type", "application/json");
      res.end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          type: req.headers["content-type"],
          key: req.headers["idempotency-key"],
          body: await readBody(req),
        }),
      );
    });
    const transport = undiciTransport();
    try {
      const response = await transport.request({
        method: "POST",
        url: `${server.origin}/api/x/1?size=2&q=a%20b`,
        headers: { "Content-Type": "application/json", "Idempotency-Key": "k-1" },
        body: '{"ä":1}',
      });
      expect(response.status).toBe(200);
      expect(response.headers["x-request-id"]).toBe("req-7");
      expect(response.headers["set-cookie"]).toBe("a=1, b=2");
      expect(Object.keys(response.headers).every((name) => name === name.toLowerCase())).toBe(true);
      expect(JSON.parse(response.body)).toEqual({
        method: "POST",
        url: "/api/x/1?size=2&q=a%20b",
        type: "application/json",
        key: "k-1",
        body: '{"ä":1}',
      });
    } finally {
      await transport.close();
      await server.close();
    }
  });

  it("answers every status as a response, empty bodies as ''", async () => {
    const server = await startLocalServer((req, res) => {
      const status = Number(req.url?.slice(1));
      res.writeHead(status);
      res.end(status === 204 ? undefined : `status ${status}`);
    });
    const transport = undiciTransport();
    try {
      for (const status of [204, 400, 401, 404, 409, 429, 500, 503]) {
        const response = await transport.request({
          method: "GET",
          url: `${server.origin}/${status}`,
          headers: {},
        });
        expect(response.status).toBe(status);
        expect(response.body).toBe(status === 204 ? "" : `status ${status}`);
      }
    } finally {
      await transport.close();
      await server.close();
    }
  });

  it("keeps connections alive and within its limit", async () => {
    const server = await startLocalServer((req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ path: req.url }));
    });
    const transport = undiciTransport({ connections: 2 });
    try {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          transport.request({ method: "GET", url: `${server.origin}/n/${i}`, headers: {} }),
        ),
      );
      responses.forEach((response, i) => {
        expect(JSON.parse(response.body)).toEqual({ path: `/n/${i}` });
      });
      for (let i = 0; i < 10; i++) {
        await transport.request({ method: "GET", url: `${server.origin}/s`, headers: {} });
      }
      // 30 requests, at most `connections` sockets: the pool limits and reuses them.
      expect(server.connections).toBeGreaterThan(0);
      expect(server.connections).toBeLessThanOrEqual(2);
    } finally {
      await transport.close();
      await server.close();
    }
  });

  it("throws when no response arrives: refused connection, abort mid-body, oversized body", async () => {
    const controller = new AbortController();
    const server = await startLocalServer((req, res) => {
      if (req.url === "/drip") {
        res.writeHead(200);
        // Part of the body, then the caller gives up while the rest never comes.
        res.write("first part…", () => controller.abort(new Error("stop")));
        return;
      }
      res.end("x".repeat(4096));
    });
    const transport = undiciTransport({ maxResponseBytes: 1024 });
    try {
      const pending = transport.request({
        method: "GET",
        url: `${server.origin}/drip`,
        headers: {},
        signal: controller.signal,
      });
      await expect(pending).rejects.toThrow();
      await expect(
        transport.request({ method: "GET", url: `${server.origin}/big`, headers: {} }),
      ).rejects.toThrow();
    } finally {
      await transport.close();
      await server.close();
    }
    const closed = undiciTransport();
    await expect(
      closed.request({ method: "GET", url: `${server.origin}/gone`, headers: {} }),
    ).rejects.toThrow();
    await closed.close();
  });

  it("enforces timeoutMs itself: a server that drips its body ends in pcx_timeout", async () => {
    const server = await startLocalServer((_req, res) => {
      res.writeHead(200);
      res.write("a first part…"); // and never ends
    });
    const transport = undiciTransport();
    expect(transport.handlesTimeout).toBe(true);
    try {
      const error = await transport
        .request({ method: "GET", url: `${server.origin}/drip`, headers: {}, timeoutMs: 50 })
        .then(
          () => undefined,
          (reason: unknown) => reason,
        );
      expect(isPcxError(error) && error.code).toBe("pcx_timeout");
      // The pool is fine afterwards.
      const ok = await startLocalServer((_req, res) => void res.end("ok"));
      await expect(
        transport.request({ method: "GET", url: `${ok.origin}/`, headers: {}, timeoutMs: 5000 }),
      ).resolves.toMatchObject({ status: 200, body: "ok" });
      await ok.close();
    } finally {
      await transport.close();
      await server.close();
    }
  });
});
