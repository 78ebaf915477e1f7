import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { CliWorld } from "@pcx/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionYaml } from "./definition-files.js";
import { createWorld } from "./pcx-harness.js";

const DEMO = { id: "pcx-sandbox", secret: "pcx-sandbox-secret", key: "pcx-sandbox-api-key" };

let world: CliWorld;
beforeAll(async () => {
  world = await createWorld({}, { "pcx.integration.yaml": definitionYaml() });
});
afterAll(() => world?.close());

/** Runs against a custom profile "acme" at the sandbox (no built-in credentials to fall back on). */
const acme = (args: string[], env: NodeJS.ProcessEnv = {}, input?: string) =>
  world.run(args, {
    env: { PCX_PROFILE: "acme", ...env },
    ...(input !== undefined ? { stdin: input } : {}),
  });

describe("pcx login", () => {
  it("without values and without a terminal: usage error (2) naming the flags, nothing saved", async () => {
    const run = await acme(["login"]);
    expect(run.code).toBe(2);
    for (const flag of ["--client-id", "--client-secret-stdin", "--api-key-stdin", "PCX_API_KEY"]) {
      expect(run.stderr).toContain(flag);
    }
    expect(world.config().profiles?.acme).toBeUndefined();
  });

  it("refused credentials: exit 4, the secret never echoed, nothing saved", async () => {
    const wrong = "wrong-secret-7f3a9c";
    const run = await acme(
      ["login", "--client-id", DEMO.id, "--client-secret-stdin", "--verbose"],
      { PCX_API_KEY: DEMO.key },
      `${wrong}\n`,
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toContain("401");
    expect(run.stdout + run.stderr).not.toContain(wrong);
    expect(run.stdout + run.stderr).not.toContain(DEMO.key);
    expect(world.config().profiles?.acme).toBeUndefined();
  });

  it("secrets from stdin (secret, then API key), checked with a token exchange, saved owner-only", async () => {
    // A custom profile has no built-in API base: --base-url is saved with it.
    const saved = await acme(
      [
        "login",
        "--client-id",
        DEMO.id,
        "--client-secret-stdin",
        "--api-key-stdin",
        "--base-url",
        world.sandbox.apiBaseUrl,
        "--json",
      ],
      { PCX_BASE_URL: "" },
      `${DEMO.secret}\n${DEMO.key}\n`,
    );
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.json()).toEqual({
      profile: "acme",
      baseUrl: world.sandbox.apiBaseUrl,
      clientId: DEMO.id,
      verified: true,
      default: true,
      configFile: join(world.configDir, "config.json"),
    });
    expect(world.config()).toMatchObject({
      defaultProfile: "acme",
      profiles: {
        acme: {
          clientId: DEMO.id,
          clientSecret: DEMO.secret,
          apiKey: DEMO.key,
          baseUrl: world.sandbox.apiBaseUrl,
        },
      },
    });
    expect(statSync(world.configDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(world.configDir, "config.json")).mode & 0o777).toBe(0o600);
  });

  it("the saved default profile is used without --profile or PCX_PROFILE", async () => {
    const define = await world.run(["define", "--yes", "--json"], {
      env: { PCX_PROFILE: "", PCX_BASE_URL: "" },
    });
    expect(define.code, define.stderr).toBe(0);
    expect(world.config().profiles?.acme?.integration).toMatchObject({
      baseUrl: world.sandbox.apiBaseUrl,
    });
  });

  it("env credentials only (CI): PCX_CLIENT_ID / PCX_CLIENT_SECRET / PCX_API_KEY, no login", async () => {
    const run = await world.run(["status", "--json"], {
      env: {
        PCX_PROFILE: "ci",
        PCX_CLIENT_ID: DEMO.id,
        PCX_CLIENT_SECRET: DEMO.secret,
        PCX_API_KEY: DEMO.key,
        PCX_INTEGRATION_ID: String(world.config().profiles?.acme?.integration?.id),
      },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ name: "Acme Invoice Sync" });
    expect(world.config().profiles?.ci).toBeUndefined();
  });
});

describe("pcx profiles", () => {
  it("lists built-in and saved profiles, secrets only as set / not set / demo", async () => {
    const run = await world.run(["profiles", "--json"], { env: { PCX_PROFILE: "" } });
    expect(run.code).toBe(0);
    const doc = run.json() as { profiles: Record<string, unknown>[]; active: string };
    expect(doc.active).toBe("acme");
    const byName = Object.fromEntries(doc.profiles.map((p) => [p.name, p]));
    expect(byName.acme).toMatchObject({
      default: true,
      active: true,
      clientId: DEMO.id,
      clientSecret: "set",
      apiKey: "set",
      builtIn: false,
    });
    expect(byName.sandbox).toMatchObject({ clientSecret: "demo", apiKey: "demo", builtIn: true });
    expect(byName.test).toMatchObject({ clientSecret: "not set", apiKey: "not set" });
    const human = await world.run(["profiles"], { env: { PCX_PROFILE: "" } });
    expect(human.stdout).toContain("* acme (default)");
    for (const out of [run, human]) {
      expect(out.stdout + out.stderr).not.toContain(DEMO.secret);
      expect(out.stdout + out.stderr).not.toContain(DEMO.key);
    }
  });

  it("--default NAME changes the default profile", async () => {
    const run = await world.run(["profiles", "--default", "sandbox", "--json"], {
      env: { PCX_PROFILE: "" },
    });
    expect(run.json()).toMatchObject({ default: "sandbox", active: "sandbox" });
    expect(world.config().defaultProfile).toBe("sandbox");
    expect((await world.run(["profiles", "--default", "no way"])).code).toBe(2);
  });
});

describe("pcx logout", () => {
  it("removes the credentials and keeps the integration id; --forget deletes the profile", async () => {
    const run = await acme(["logout"]);
    expect(run.code).toBe(0);
    const kept = world.config().profiles?.acme;
    expect(kept).not.toHaveProperty("clientSecret");
    expect(kept).not.toHaveProperty("apiKey");
    expect(kept).toHaveProperty("integration");
    // Without credentials a command exits 4, saying how to fix it.
    const status = await acme(["status"]);
    expect(status.code).toBe(4);
    expect(status.stderr).toContain("pcx login --profile acme");
    expect(status.stderr).toContain("PCX_CLIENT_SECRET");
    expect(status.stderr).toContain("--profile sandbox");
    const json = await acme(["status", "--json"]);
    expect(json.json()).toMatchObject({ error: { code: "pcx_missing_credentials" } });

    expect((await acme(["logout", "--forget"])).code).toBe(0);
    expect(world.config().profiles?.acme).toBeUndefined();
    expect((await acme(["logout"])).stdout).toContain("nothing to remove");
  });

  it("the sandbox profile works without any login", async () => {
    expect(existsSync(join(world.configDir, "config.json"))).toBe(true);
    const run = await world.run(["limits", "show", "--json"], {
      env: { PCX_INTEGRATION_ID: "1" },
    });
    expect(run.code, run.stderr).toBe(0);
  });
});
