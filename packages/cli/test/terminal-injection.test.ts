import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { UNSAFE_TERMINAL_TEXT } from "@pcx/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionYaml } from "./definition-files.js";
import { pcx, tempDirPerTest } from "./pcx-harness.js";

// Terminal injection (issue 10): text from a server or a definition file must
// not retitle, clear or rewrite the terminal when pcx prints it.

/** Retitles the terminal, clears the screen, hides what follows, reverses the rest. */
const HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x1b[8mhidden\u202eesrever";
const ESCAPED = "\\x1b]0;pwned\\x07\\x1b[2J\\x1b[8mhidden\\u202eesrever";

/** What is left after removing the colour (SGR) sequences pcx itself writes. */
const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
const withoutColours = (text: string) => text.replace(SGR, "");

const dirWith = tempDirPerTest();
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  // A hostile API: every token exchange is refused with the escape sequences as the reason.
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(401, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "invalid_client", error_description: HOSTILE }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PCX_CONFIG_DIR: dirWith(),
    PCX_CLIENT_ID: "acme-client",
    PCX_CLIENT_SECRET: "acme-secret",
    PCX_API_KEY: "acme-api-key",
    PCX_INTEGRATION_ID: "1",
    ...extra,
  };
}

describe("terminal injection", () => {
  it("a server's error text with OSC retitle and clear-screen is printed escaped", async () => {
    const run = await pcx(["status", "--base-url", baseUrl], { cwd: dirWith(), env: env() });
    expect(run.code).toBe(4); // pcx_unauthorized: fix the credentials
    expect(run.stderr).toContain(`invalid_client: ${ESCAPED}. Check the client id`);
    expect(run.stderr).not.toMatch(UNSAFE_TERMINAL_TEXT);
    expect(run.stdout).toBe("");
  });

  it("with colour on, pcx's own colours stay and the server's sequences (SGR too) are escaped", async () => {
    const run = await pcx(["status", "--base-url", baseUrl], {
      cwd: dirWith(),
      env: env({ NO_COLOR: "", FORCE_COLOR: "1" }),
    });
    expect(run.code).toBe(4); // pcx_unauthorized: fix the credentials
    expect(run.stderr.match(SGR)?.length).toBeGreaterThan(0);
    expect(run.stderr).toContain(ESCAPED);
    expect(withoutColours(run.stderr)).not.toMatch(UNSAFE_TERMINAL_TEXT);
  });

  it("--json keeps the server's text exact in the document, with no raw escape on stdout", async () => {
    const run = await pcx(["status", "--json", "--base-url", baseUrl], {
      cwd: dirWith(),
      env: env(),
    });
    expect(run.code).toBe(4); // pcx_unauthorized: fix the credentials
    expect(run.stdout).not.toMatch(UNSAFE_TERMINAL_TEXT);
    const { error } = run.json() as { error: { code: string; message: string } };
    expect(error.code).toBe("pcx_unauthorized");
    expect(error.message).toContain(`invalid_client: ${HOSTILE}.`);
  });

  it("pcx validate: control characters in a definition are errors, and printed escaped", async () => {
    const yaml = definitionYaml().replace(
      "name: Acme Invoice Sync",
      'name: "Acme \\e]0;pwned\\a Sync"\n"\\e[2Jextra\\u202e": 1',
    );
    const cwd = dirWith({ "pcx.integration.yaml": yaml });
    const run = await pcx(["validate"], { cwd, env: env() });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain("name");
    expect(run.stdout + run.stderr).toContain("U+001B ESC (escape) at character 6");
    expect(run.stdout + run.stderr).toContain("\\x1b[2Jextra\\u202e");
    expect(run.stdout).not.toMatch(UNSAFE_TERMINAL_TEXT);
    expect(run.stderr).not.toMatch(UNSAFE_TERMINAL_TEXT);
  });
});
