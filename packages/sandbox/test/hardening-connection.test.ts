// Issue 10, the sandbox over real HTTP: each test names the defect it pins down.
import { ApiErrorBodySchema } from "@pcx/sdk/contract";
import { startTestSandbox } from "@pcx/testkit/sandbox";
import { describe, expect, it } from "vitest";
import { accessToken } from "./helpers.js";
import { httpRequest, rawConnection, rawRequest } from "./raw-http.js";

/** True when `text` is Procountor's error shape, `{errors: [{field, message, code}]}`. */
function isErrorShape(text: string): boolean {
  return ApiErrorBodySchema.safeParse(JSON.parse(text)).success;
}

describe("the request line and the connection (real HTTP)", () => {
  it("a malformed request-target such as //[ is answered, and the sandbox stays up", async () => {
    const s = await startTestSandbox();
    const slashes = await rawRequest(s.url, httpRequest(s.url, "GET", "//["));
    expect(slashes.status).toBe(404);
    expect(isErrorShape(slashes.body)).toBe(true);
    for (const target of ["[", "*", "host:1", "http://[/x", "//[::1/api/integrations"]) {
      const answer = await rawRequest(s.url, httpRequest(s.url, "GET", target));
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
      expect(answer.status, target).toBeLessThan(500);
      expect(isErrorShape(answer.body), target).toBe(true);
    }
    expect((await fetch(`${s.url}/sandbox/health`)).status).toBe(200);
  });

  it("a page for a path such as //evil.example is a 404 whose links stay on the sandbox (found by the fuzz suite)", async () => {
    const s = await startTestSandbox();
    for (const target of ["//", "//evil.example/x", "/\\evil.example"]) {
      const answer = await rawRequest(
        s.url,
        httpRequest(s.url, "GET", target, { accept: "text/html" }),
      );
      expect(answer.status, target).toBe(404);
      const hrefs = [...answer.body.matchAll(/href="([^"]*)"/g)].map((m) => m[1] as string);
      expect(hrefs.length, target).toBeGreaterThan(0);
      for (const href of hrefs) expect(href, target).toMatch(/^(\/(?![/\\])|#)/);
    }
  });

  it("a 413 is a proper answer and the connection stays usable (drained, keep-alive)", async () => {
    const s = await startTestSandbox();
    const token = await accessToken(s);
    const connection = rawConnection(s.url);
    try {
      const body = `{"definition":"${"x".repeat(1_500_000)}"}`;
      connection.send(
        httpRequest(
          s.url,
          "POST",
          "/api/integrations",
          { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body,
        ),
      );
      const refused = await connection.answer();
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.body).errors[0].code).toBe("BODY_TOO_LARGE");
      expect(refused.headers.connection).not.toBe("close");
      connection.send(httpRequest(s.url, "GET", "/sandbox/health"));
      expect((await connection.answer()).status).toBe(200);
    } finally {
      connection.close();
    }
    // fetch sees the 413 too, and its next request works.
    const big = await fetch(`${s.url}/sandbox/activation-requests`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "[".padEnd(2_000_000, " "),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).errors[0].code).toBe("BODY_TOO_LARGE");
    expect((await fetch(`${s.url}/sandbox/health`)).status).toBe(200);
  });

  it("a 413 for a declared body too large to drain says Connection: close, and a fresh connection works", async () => {
    const s = await startTestSandbox();
    const connection = rawConnection(s.url);
    connection.send(
      `POST /sandbox/activation-requests HTTP/1.1\r\nHost: ${new URL(s.url).host}\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{`,
    );
    const refused = await connection.answer();
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe("close");
    await connection.untilClosed();
    expect((await fetch(`${s.url}/sandbox/health`)).status).toBe(200);
  });

  it("CR/LF in the sign-in next parameter redirects to / (no '500 See Other')", async () => {
    const s = await startTestSandbox();
    for (const next of [
      "/%0D%0ASet-Cookie:%20x=1",
      "/%0A/evil.example",
      "/%09/evil.example",
      "/.//evil.example",
      "/\\evil",
    ]) {
      const answer = await rawRequest(
        s.url,
        httpRequest(
          s.url,
          "POST",
          `/signin?next=${next}`,
          { "content-type": "application/x-www-form-urlencoded" },
          "user=demo",
        ),
      );
      expect(answer.statusLine, next).toBe("HTTP/1.1 303 See Other");
      expect(answer.headers.location, next).toBe("/");
    }
    const unicode = await rawRequest(
      s.url,
      httpRequest(
        s.url,
        "POST",
        "/signin?next=%2Fp%C3%A4iv%C3%A4",
        { "content-type": "application/x-www-form-urlencoded" },
        "user=demo",
      ),
    );
    expect(unicode.headers.location).toBe("/p%C3%A4iv%C3%A4");
  });

  it("the admin routes refuse a non-loopback Host (DNS rebinding) and answer loopback names", async () => {
    const s = await startTestSandbox();
    const port = new URL(s.url).port;
    const rebound = await rawRequest(
      s.url,
      `GET /sandbox/state HTTP/1.1\r\nHost: attacker.example:${port}\r\n\r\n`,
    );
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).errors[0]).toMatchObject({ field: "Host", code: "FORBIDDEN" });
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `sandbox.localhost:${port}`,
      `[::1]:${port}`,
    ]) {
      const answer = await rawRequest(
        s.url,
        `GET /sandbox/health HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      );
      expect(answer.status, host).toBe(200);
    }
    const noHost = await rawRequest(s.url, "GET /sandbox/health HTTP/1.1\r\n\r\n");
    expect(noHost.status).toBe(400);
    expect(JSON.parse(noHost.body).errors[0].field).toBe("Host");
  });
});
