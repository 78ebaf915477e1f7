import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pcx as runPcx } from "./pcx-harness.js";

// Issue 10: config hygiene and the smaller CLI defects, each with a named
// regression test, run in process. None of these needs a network:
// `login --no-verify` saves without a token exchange.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), "pcx-hygiene-"));
  dirs.push(dir);
  return dir;
}
const mode = (path: string) => statSync(path).mode & 0o7777;

function pcx(args: string[], env: NodeJS.ProcessEnv, input?: string) {
  return runPcx(args, { cwd: temp(), env, ...(input !== undefined ? { stdin: input } : {}) });
}

/** Writes a config file as pcx would (0600 in the 0700 temp dir), to skip a login run. */
function seed(dir: string, profiles: Record<string, Record<string, unknown>>): void {
  writeFileSync(join(dir, "config.json"), JSON.stringify({ profiles }), { mode: 0o600 });
}

/** A non-interactive login that saves a secret and an API key (from stdin) without a network call. */
function login(configDir: string, extra: string[] = []) {
  return pcx(
    [
      "login",
      "--profile",
      "acme",
      "--client-id",
      "acme-client",
      "--client-secret-stdin",
      "--api-key-stdin",
      "--no-verify",
      ...extra,
    ],
    { PCX_CONFIG_DIR: configDir },
    "acme-secret-value\nacme-api-key-value\n",
  );
}

describe("config hygiene (pcx login, the config directory and file)", () => {
  it("creates a missing config directory 0700 and the file 0600", async () => {
    const dir = join(temp(), "pcx");
    const run = await login(dir);
    expect(run.code, run.stderr).toBe(0);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, "config.json"))).toBe(0o600);
  });

  it("regression: a shared 1777 directory stays 1777; login refuses to save secrets there (exit 4, chmod hint)", async () => {
    const dir = temp();
    chmodSync(dir, 0o1777);
    const run = await login(dir);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`pcx will not save secrets in ${dir}`);
    expect(run.stderr).toContain(`chmod 700 "${dir}"`);
    expect(run.stderr + run.stdout).not.toContain("acme-secret-value");
    expect(mode(dir)).toBe(0o1777);
    expect(existsSync(join(dir, "config.json"))).toBe(false);
  });

  it("regression: a read-only 0500 directory stays 0500; login says it cannot write there (exit 4)", async () => {
    const dir = temp();
    chmodSync(dir, 0o500);
    const run = await login(dir);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(
      `pcx cannot save its config in ${dir}: the directory is read-only (mode 0500)`,
    );
    expect(mode(dir)).toBe(0o500);
  });

  it("regression: a config file with wrong types is pcx_config naming the file and field (exit 4), not a crash", async () => {
    const dir = temp();
    const file = join(dir, "config.json");
    writeFileSync(
      file,
      JSON.stringify({ profiles: { production: { clientId: 42, apiKey: "k" } } }),
      {
        mode: 0o600,
      },
    );
    const run = await pcx(["status"], { PCX_CONFIG_DIR: dir });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(
      `error: The pcx config file ${file} is not valid: profiles.production.clientId must be text, got a number.`,
    );
    expect(run.stderr).not.toContain("is not a function");
    const json = await pcx(["status", "--json"], { PCX_CONFIG_DIR: dir });
    expect(json.json()).toMatchObject({
      error: { code: "pcx_config", details: { file, field: "profiles.production.clientId" } },
    });
  });
});

describe("smaller defects", () => {
  it("regression: login refuses http:// to a remote host (exit 2) and accepts it for 127.0.0.1", async () => {
    const dir = temp();
    const remote = await login(dir, ["--base-url", "http://api.procountor.example/api"]);
    expect(remote.code).toBe(2);
    expect(remote.stderr).toContain(
      "--base-url must use https:// for a remote host, got http://api.procountor.example.",
    );
    expect(existsSync(join(dir, "config.json"))).toBe(false);
    const local = await login(dir, ["--base-url", "http://127.0.0.1:4010/api"]);
    expect(local.code, local.stderr).toBe(0);
  });

  it("regression: logout --profile constructor --forget reports that nothing was removed", async () => {
    const dir = temp();
    seed(dir, { acme: { clientId: "acme-client", clientSecret: "s", apiKey: "k" } });
    const run = await pcx(["logout", "--profile", "constructor", "--forget", "--json"], {
      PCX_CONFIG_DIR: dir,
    });
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ profile: "constructor", removed: "nothing" });
    const human = await pcx(["logout", "--profile", "constructor", "--forget"], {
      PCX_CONFIG_DIR: dir,
    });
    expect(human.stdout).toContain('Nothing saved for profile "constructor"');
  });

  it("regression: PCX_STATE_KEY_ID without PCX_STATE_SECRET is refused (exit 4), the saved key id is kept", async () => {
    const dir = temp();
    const env = { PCX_CONFIG_DIR: dir, PCX_PROFILE: "acme" };
    const stateSecret = { keyId: "k1", secret: "saved-state-secret-0123456789-abcdefghijklm" };
    seed(dir, { acme: { stateSecret: stateSecret.secret, stateKeyId: stateSecret.keyId } });
    const relabel = await pcx(["profiles", "--show-state-secret"], {
      ...env,
      PCX_STATE_KEY_ID: "k2",
    });
    expect(relabel.code).toBe(4);
    expect(relabel.stderr).toContain('PCX_STATE_KEY_ID is set ("k2") but PCX_STATE_SECRET is not');
    expect(relabel.stdout + relabel.stderr).not.toContain(stateSecret.secret);
    const again = await pcx(["profiles", "--show-state-secret", "--json"], env);
    expect(again.json()).toMatchObject({
      stateSecret: { keyId: "k1", secret: stateSecret.secret },
    });
  });

  it("regression: a bad --base-url is a usage error (exit 2) naming the flag; a bad PCX_BASE_URL exits 4", async () => {
    const env = {
      PCX_CONFIG_DIR: temp(),
      PCX_CLIENT_ID: "id",
      PCX_CLIENT_SECRET: "secret",
      PCX_API_KEY: "key",
      PCX_INTEGRATION_ID: "1",
    };
    const flag = await pcx(["status", "--base-url", "not a url"], env);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('error: --base-url must be an http(s) URL, got "not a url".');
    const fromEnv = await pcx(["status"], { ...env, PCX_BASE_URL: "ftp://x.example/api" });
    expect(fromEnv.code).toBe(4);
    expect(fromEnv.stderr).toContain("error: PCX_BASE_URL must be an http(s) URL");
  });
});
