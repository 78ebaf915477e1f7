import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openProfileStore } from "./profile-store.js";
import { stateSigningKey } from "./state-secret.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
async function store() {
  const dir = mkdtempSync(join(tmpdir(), "pcx-state-"));
  dirs.push(dir);
  return openProfileStore({ PCX_CONFIG_DIR: dir });
}

describe("stateSigningKey", () => {
  it("generates and saves a secret under k1, then reuses it", async () => {
    const s = await store();
    const first = stateSigningKey({ env: {} }, s, "acme", { create: true });
    expect(first).toMatchObject({ keyId: "k1", source: "generated" });
    expect(stateSigningKey({ env: {} }, s, "acme", { create: false })).toEqual({
      ...first,
      source: "profile",
    });
  });

  it("regression: PCX_STATE_KEY_ID alone does not relabel the saved secret; it is refused", async () => {
    const s = await store();
    const saved = stateSigningKey({ env: {} }, s, "acme", { create: true })!;
    let thrown: unknown;
    try {
      stateSigningKey({ env: { PCX_STATE_KEY_ID: "k2" } }, s, "acme", { create: true });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: "pcx_config",
      message: expect.stringContaining(
        'PCX_STATE_KEY_ID is set ("k2") but PCX_STATE_SECRET is not',
      ),
      hint: expect.stringContaining("Set PCX_STATE_SECRET"),
    });
    expect(JSON.stringify(thrown)).not.toContain(saved.secret);
    expect(s.get("acme")).toMatchObject({ stateSecret: saved.secret, stateKeyId: "k1" });
  });

  it("PCX_STATE_KEY_ID with PCX_STATE_SECRET names the environment's secret", async () => {
    const key = stateSigningKey(
      { env: { PCX_STATE_KEY_ID: "k2", PCX_STATE_SECRET: "x".repeat(43) } },
      await store(),
      "acme",
      { create: true },
    );
    expect(key).toEqual({ secret: "x".repeat(43), keyId: "k2", source: "env" });
  });
});
