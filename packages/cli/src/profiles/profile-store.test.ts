import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
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

  it("narrows a directory and file created with wider modes", async () => {
    const dir = temp();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, "config.json"), "{}", { mode: 0o644 });
    chmodSync(join(dir, "config.json"), 0o644);
    await openProfileStore({ PCX_CONFIG_DIR: dir });
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, "config.json"))).toBe(0o600);
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

describe("configDir", () => {
  it("PCX_CONFIG_DIR wins; else XDG_CONFIG_HOME/pcx or ~/.config/pcx on Linux", () => {
    expect(configDir({ PCX_CONFIG_DIR: "/tmp/x" })).toBe("/tmp/x");
    if (process.platform === "linux") {
      expect(configDir({ XDG_CONFIG_HOME: "/xdg" })).toBe("/xdg/pcx");
      expect(configDir({})).toMatch(/\.config\/pcx$/);
    }
  });
});
