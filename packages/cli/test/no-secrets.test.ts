import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CliWorld } from "@pcx/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionYaml } from "./definition-files.js";
import { createWorld } from "./pcx-harness.js";

// The sandbox's demo secrets (the only ones it accepts), and distinctive made-up ones.
const SECRET = "pcx-sandbox-secret";
const API_KEY = "pcx-sandbox-api-key";
const OTHER_SECRET = "zq-secret-4c1d9e77";
const OTHER_KEY = "zq-apikey-b83f20aa";
/** The sandbox's access tokens all start so (newSecret("pcxs_at")). */
const TOKEN = /pcxs_at/;

let world: CliWorld;
beforeAll(async () => {
  world = await createWorld({}, { "pcx.integration.yaml": definitionYaml() });
});
afterAll(() => world?.close());

describe("secrets never reach stdout or stderr", () => {
  it("of any command, --verbose and --json included, success and failure alike", async () => {
    // The CI way: every credential from the environment.
    const ci = { PCX_CLIENT_ID: "pcx-sandbox", PCX_CLIENT_SECRET: SECRET, PCX_API_KEY: API_KEY };
    const runs: [string[], NodeJS.ProcessEnv?, string?][] = [
      [["login", "--verbose"], ci],
      [
        ["login", "--verbose", "--json", "--client-secret-stdin", "--api-key-stdin"],
        {},
        `${SECRET}\n${API_KEY}\n`,
      ],
      [["define", "--dry-run", "--verbose"], ci],
      [["define", "--yes", "--verbose"], ci],
      [["define", "--yes", "--verbose", "--json"], ci],
      [["status", "--verbose"], ci],
      [["status", "--verbose", "--json"]],
      [["limits", "show", "--verbose"]],
      [["limits", "set", "9", "--verbose", "--json"]],
      [["diff", "--verbose"]],
      [["link", "--verbose"]], // not approved yet: exit 1
      [["status", "--integration", "999", "--verbose"]], // 404: exit 3
      [["profiles", "--verbose"]],
      [["profiles", "--json"]],
      // Distinctive secrets saved without a check, then refused by the API (401: exit 4).
      [
        [
          "login",
          "--profile",
          "zq",
          "--client-id",
          "zq",
          "--client-secret-stdin",
          "--api-key-stdin",
          "--no-verify",
          "--base-url",
          world.sandbox.apiBaseUrl,
        ],
        { PCX_PROFILE: "" },
        `${OTHER_SECRET}\n${OTHER_KEY}\n`,
      ],
      [["status", "--profile", "zq", "--integration", "1", "--verbose"], { PCX_PROFILE: "" }],
      [["status", "--profile", "zq", "--integration", "1", "--json"], { PCX_PROFILE: "" }],
      [
        ["login", "--profile", "zq", "--verbose", "--json"],
        {
          PCX_PROFILE: "",
          PCX_CLIENT_SECRET: OTHER_SECRET,
          PCX_API_KEY: OTHER_KEY,
          PCX_CLIENT_ID: "zq",
        },
      ],
      [["profiles", "--verbose"], { PCX_PROFILE: "zq" }],
      [["logout", "--profile", "zq", "--verbose"], { PCX_PROFILE: "" }],
    ];
    const start = world.transcript.length;
    for (const [args, env, input] of runs) {
      await world.run(args, { env: env ?? {}, ...(input ? { stdin: input } : {}) });
    }
    await world.review(1, "approve");
    writeFileSync(
      join(world.workDir, "pcx.integration.yaml"),
      definitionYaml({ description: "Sends sales invoices, now nightly too." }),
    );
    for (const args of [
      ["link", "--state", "cust-42", "--verbose", "--json"],
      ["link", "--qr", "--verbose"],
      ["define", "--yes", "--verbose"],
    ]) {
      await world.run(args);
    }
    const outputs = world.transcript.slice(start);
    expect(outputs.length).toBe(runs.length + 3);

    for (const { args, stdout, stderr } of outputs) {
      const all = `${stdout}\n${stderr}`;
      for (const secret of [SECRET, API_KEY, OTHER_SECRET, OTHER_KEY]) {
        expect(all.includes(secret), `${secret} in the output of pcx ${args.join(" ")}`).toBe(
          false,
        );
      }
      expect(TOKEN.test(all), `an access token in the output of pcx ${args.join(" ")}`).toBe(false);
    }
    // The trace did run: the token exchange and the calls were shown, redacted.
    const verbose = outputs.find((o) => o.args[0] === "status" && o.args.includes("--verbose"));
    expect(verbose?.stderr).toMatch(/→ POST http:\/\/127\.0\.0\.1:\d+\/api\/oauth\/token/);
    expect(verbose?.stderr).toMatch(/← 200 getIntegration in \d+ ms/);
    expect(verbose?.stderr).toContain("access token received");
    // The refused credentials failed as they should (so the checks above saw error paths too).
    const refused = outputs.find(
      (o) => o.args.includes("zq") && o.args.includes("--json") && o.args[0] === "status",
    );
    expect(JSON.parse(refused?.stdout ?? "{}")).toMatchObject({
      error: { code: "pcx_unauthorized" },
    });
  });
});
