import { describe, expect, it } from "vitest";
import { checkBaseUrl, isLoopbackHost } from "./check-base-url.js";

const flag = { kind: "flag" } as const;

describe("checkBaseUrl", () => {
  it("accepts https anywhere and http only to this machine, trimming trailing slashes", () => {
    expect(checkBaseUrl("https://pts-api.procountor.com/api/", flag)).toBe(
      "https://pts-api.procountor.com/api",
    );
    for (const local of [
      "http://localhost:4010/api",
      "http://127.0.0.1:4010/api",
      "http://127.12.0.3/api",
      "http://[::1]:4010/api",
      "http://127.1/api",
    ]) {
      expect(checkBaseUrl(local, flag)).toBe(local);
    }
  });

  it("regression: http to a remote host is refused, naming the flag (usage, exit 2)", () => {
    for (const remote of [
      "http://api.procountor.com/api",
      "http://10.0.0.5:4010/api",
      "http://localhost.evil.example/api",
      "http://[::2]/api",
      "http://128.0.0.1/api",
    ]) {
      expect(() => checkBaseUrl(remote, flag), remote).toThrow(
        expect.objectContaining({
          code: "pcx_usage",
          message: expect.stringMatching(
            /^--base-url must use https:\/\/ for a remote host, got http:\/\//,
          ),
        }),
      );
    }
  });

  it("regression: a malformed --base-url is pcx_usage (exit 2) naming the flag; PCX_BASE_URL and a profile's are pcx_config", () => {
    expect(() => checkBaseUrl("not a url", flag)).toThrow(
      expect.objectContaining({
        code: "pcx_usage",
        message: '--base-url must be an http(s) URL, got "not a url".',
      }),
    );
    expect(() => checkBaseUrl("ftp://x.example/api", { kind: "env" })).toThrow(
      expect.objectContaining({
        code: "pcx_config",
        message: expect.stringMatching(/^PCX_BASE_URL /),
      }),
    );
    expect(() =>
      checkBaseUrl("nope", { kind: "profile", profile: "acme", file: "/home/x/config.json" }),
    ).toThrow(
      expect.objectContaining({
        code: "pcx_config",
        message:
          'the base URL of profile "acme" must be an http(s) URL, got "nope" (in /home/x/config.json).',
      }),
    );
  });

  it("refuses user:password@ and never quotes the password", () => {
    let thrown: unknown;
    try {
      checkBaseUrl("https://me:hunter2@api.example/api", flag);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: "pcx_usage" });
    expect(JSON.stringify(thrown)).not.toContain("hunter2");
    expect(() => checkBaseUrl("https://me:hunter2@[bad", flag)).toThrow(/got "https:\/\/…@\[bad"/);
  });

  it("isLoopbackHost: localhost, 127.0.0.0/8 and [::1] only", () => {
    expect(["localhost", "127.0.0.1", "127.255.255.254", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["localhost.", "0.0.0.0", "example.com", "[::ffff:7f00:1]"].some(isLoopbackHost)).toBe(
      false,
    );
  });
});
