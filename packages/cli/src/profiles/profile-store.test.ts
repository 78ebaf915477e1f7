import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { configDir, openProfileStore } from "./profile-store.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), "pcx-store-"));
  dirs.push(dir);
  return dir;
}
const mode = (path: string) => statSync(path).mode & 0o777;

describe("openProfileStore", () => {
  it("creates the directory 0700 and the file 0600, and keeps them so", async () => {
    const dir = join(temp(), "nested", "pcx");
    const store = await openProfileStore({ PCX_CONFIG_DIR: dir });
    store.update("acme", { clientId: "id", clientSecret: "s", apiKey: "k" });
    expect(store.path).toBe(join(dir, "config.json"));
    expect(mode(dir)).toBe(0o700);
    expect(mode(store.path)).toBe(0o600);
  });

  it("merges updates, removes keys set to undefined, deletes profiles and their default", async () => {
    const env = { PCX_CONFIG_DIR: temp() };
    const store = await openProfileStore(env);
    store.update("acme", { clientId: "id", clientSecret: "s", apiKey: "k" });
    store.update("acme", { apiKey: undefined, integration: { id: 3, baseUrl: "http://x/api" } });
    store.setDefaultProfile("acme");
    const reopened = await openProfileStore(env);
    expect(reopened.get("acme")).toEqual({
      clientId: "id",
      clientSecret: "s",
      integration: { id: 3, baseUrl: "http://x/api" },
    });
    expect(reopened.defaultProfile()).toBe("acme");
    expect(reopened.remove("acme")).toBe(true);
    expect(reopened.remove("acme")).toBe(false);
    expect(reopened.defaultProfile()).toBeUndefined();
    expect(reopened.list()).toEqual({});
  });

  it("refuses profile names that are not plain words", async () => {
    const store = await openProfileStore({ PCX_CONFIG_DIR: temp() });
    for (const name of ["a.b", "", "../x", "with space", "x".repeat(41)]) {
      expect(() => store.update(name, {}), name).toThrow(/not a valid profile name/);
    }
  });

  it("an unreadable config file is pcx_config, naming the file", async () => {
    const dir = temp();
    writeFileSync(join(dir, "config.json"), "{ not json");
    await expect(openProfileStore({ PCX_CONFIG_DIR: dir })).rejects.toMatchObject({
      code: "pcx_config",
      message: expect.stringContaining(join(dir, "config.json")),
    });
  });
});

describe("openProfileStore: permissions it did not set stay as they are", () => {
  const SECRETS = { clientId: "id", clientSecret: "s3cret-value", apiKey: "k3y-value" };

  it("regression: a shared 1777 directory stays 1777, and pcx refuses to put secrets in it", async () => {
    const dir = temp();
    chmodSync(dir, 0o1777);
    const store = await openProfileStore({ PCX_CONFIG_DIR: dir });
    let thrown: unknown;
    try {
      store.update("acme", SECRETS);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: "pcx_config",
      message: `pcx will not save secrets in ${dir}: other users can read or write that directory (mode 1777).`,
      hint: expect.stringContaining(`chmod 700 "${dir}"`),
    });
    expect(JSON.stringify(thrown)).not.toContain("s3cret-value");
    expect(statSync(dir).mode & 0o7777).toBe(0o1777);
    expect(existsSync(join(dir, "config.json"))).toBe(false);
    // Nothing secret: saved (0600), and the directory is still not touched.
    store.setDefaultProfile("test");
    expect(mode(join(dir, "config.json"))).toBe(0o600);
    expect(statSync(dir).mode & 0o7777).toBe(0o1777);
  });

  it("regression: a directory the user locked (0500) stays locked, and pcx says it cannot write there", async () => {
    const dir = temp();
    const env = { PCX_CONFIG_DIR: dir };
    (await openProfileStore(env)).update("acme", SECRETS);
    chmodSync(dir, 0o500);
    const store = await openProfileStore(env);
    expect(store.get("acme")?.clientId).toBe("id");
    expect(() => store.update("acme", { clientId: "other" })).toThrow(
      expect.objectContaining({
        code: "pcx_config",
        message: expect.stringContaining(`the directory is read-only (mode 0500)`),
        hint: expect.stringContaining(`chmod u+w "${dir}"`),
      }),
    );
    expect(mode(dir)).toBe(0o500);
    chmodSync(dir, 0o700);
    expect((await openProfileStore(env)).get("acme")?.clientId).toBe("id");
  });

  it("regression: a 0400 directory stays 0400: pcx cannot read or will not write there", async () => {
    const dir = temp();
    const env = { PCX_CONFIG_DIR: dir };
    (await openProfileStore(env)).update("acme", SECRETS);
    chmodSync(dir, 0o400);
    try {
      // Root reads through a 0400 directory; anyone else gets pcx_config from the read.
      const store = await openProfileStore(env);
      expect(() => store.remove("acme")).toThrow(/read-only \(mode 0400\)/);
    } catch (error) {
      expect(error).toMatchObject({ code: "pcx_config", message: expect.stringContaining(dir) });
    }
    expect(mode(dir)).toBe(0o400);
    chmodSync(dir, 0o700);
  });

  it("refuses secrets in a directory others can read (0755) or a file others can read (0644), without chmod", async () => {
    const open = temp();
    chmodSync(open, 0o755);
    const inOpenDir = await openProfileStore({ PCX_CONFIG_DIR: open });
    expect(() => inOpenDir.update("acme", SECRETS)).toThrow(/mode 0755/);
    expect(mode(open)).toBe(0o755);

    const dir = temp();
    const file = join(dir, "config.json");
    writeFileSync(file, "{}");
    chmodSync(file, 0o644);
    const store = await openProfileStore({ PCX_CONFIG_DIR: dir });
    expect(() => store.update("acme", SECRETS)).toThrow(
      expect.objectContaining({
        code: "pcx_config",
        message: `pcx will not save secrets in ${file}: other users can read the file (mode 0644).`,
        hint: expect.stringContaining(`chmod 600 "${file}"`),
      }),
    );
    expect(mode(file)).toBe(0o644);
    expect(readFileSync(file, "utf8")).toBe("{}");
  });

  it("creates a missing directory 0700 inside a shared one, which stays as it was", async () => {
    const shared = temp();
    chmodSync(shared, 0o1777);
    const dir = join(shared, "pcx");
    (await openProfileStore({ PCX_CONFIG_DIR: dir })).update("acme", SECRETS);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, "config.json"))).toBe(0o600);
    expect(statSync(shared).mode & 0o7777).toBe(0o1777);
  });
});

describe("openProfileStore: the file is read through a schema", () => {
  it("regression: wrong types are pcx_config naming the file and the field, never the value", async () => {
    const dir = temp();
    const file = join(dir, "config.json");
    const cases: [string, string][] = [
      [
        '{"profiles": {"acme": {"clientId": 42}}}',
        "profiles.acme.clientId must be text, got a number",
      ],
      [
        '{"profiles": {"acme": {"clientSecret": ["hunter2"]}}}',
        "profiles.acme.clientSecret must be text, got a list",
      ],
      [
        '{"profiles": {"acme": {"integration": {"id": "7", "baseUrl": "x"}}}}',
        "profiles.acme.integration.id must be a number, got text",
      ],
      ['{"defaultProfile": 3}', "defaultProfile must be text, got a number"],
      ['{"profiles": []}', "profiles must be an object, got a list"],
      ["[1]", "the file must be an object, got a list"],
    ];
    for (const [text, problem] of cases) {
      writeFileSync(file, text);
      const error = await openProfileStore({ PCX_CONFIG_DIR: dir }).catch((e: unknown) => e);
      expect(error, text).toMatchObject({
        code: "pcx_config",
        message: `The pcx config file ${file} is not valid: ${problem}.`,
      });
      expect(JSON.stringify(error)).not.toContain("hunter2");
    }
  });

  it("regression: profile names like 'constructor' and '__proto__' are plain names (a Map, not an object)", async () => {
    const dir = temp();
    writeFileSync(join(dir, "config.json"), '{"profiles": {"__proto__": {"clientId": "p"}}}');
    const store = await openProfileStore({ PCX_CONFIG_DIR: dir });
    expect(store.get("constructor")).toBeUndefined();
    expect(store.get("toString")).toBeUndefined();
    expect(store.remove("constructor")).toBe(false);
    expect(store.get("__proto__")).toEqual({ clientId: "p" });
    expect(Object.keys(store.list())).toEqual(["__proto__"]);
    store.update("constructor", { clientId: "c" });
    const reopened = await openProfileStore({ PCX_CONFIG_DIR: dir });
    expect(reopened.get("constructor")).toEqual({ clientId: "c" });
    expect(reopened.get("__proto__")).toEqual({ clientId: "p" });
    expect(({} as Record<string, unknown>).clientId).toBeUndefined();
  });
});

describe("configDir", () => {
  it("PCX_CONFIG_DIR wins; else XDG_CONFIG_HOME/pcx or ~/.config/pcx on Linux", () => {
    expect(configDir({ PCX_CONFIG_DIR: "/tmp/x" })).toBe("/tmp/x");
    if (process.platform === "linux") {
      expect(configDir({ XDG_CONFIG_HOME: "/xdg" })).toBe("/xdg/pcx");
      expect(configDir({})).toMatch(/\.config\/pcx$/);
    }
  });
});
