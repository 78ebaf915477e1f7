import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CliWorld } from "@pcx/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionYaml } from "./definition-files.js";
import { createWorld, pcx } from "./pcx-harness.js";

/**
 * One owner for the concurrent-activation limit: a definition file that
 * declares maxConcurrentActivations owns it (define applies it, limits set
 * warns); a file that does not leaves it to limits set (define never touches it).
 */

let world: CliWorld;
let id: number;
const stored = (integrationId: number) =>
  world.sandbox.engine.dumpState().integrations.find((i) => i.id === integrationId);
/** The limit in force in the sandbox. */
const live = () => stored(id)?.maxConcurrentActivations;
const versions = () => stored(id)?.versions.length;
const writeFile = (text: string) =>
  writeFileSync(join(world.workDir, "pcx.integration.yaml"), text);

beforeAll(async () => {
  world = await createWorld({}, { "pcx.integration.yaml": definitionYaml({ limit: 20 }) });
});
afterAll(() => world?.close());

describe("the file declares the limit: the file owns it", () => {
  it("define creates the integration with the file's limit, and its plan says so", async () => {
    const plan = await world.run(["define", "--dry-run", "--json"]);
    expect(plan.json()).toMatchObject({
      plan: { action: "create", limit: { live: null, definition: 20, changes: true } },
    });
    const created = await world.run(["define", "--yes", "--json"]);
    expect(created.code, created.stderr).toBe(0);
    id = (created.json() as { result: { integrationId: number } }).result.integrationId;
    expect(live()).toBe(20);
  });

  it("limits set 7 sets it, and warns that the next define puts 20 back and how to stop that", async () => {
    const set = await world.run(["limits", "set", "7", "--json"]);
    expect(set.code).toBe(0);
    expect(set.json()).toMatchObject({ maxConcurrentActivations: 7, definitionLimit: 20 });
    expect(set.stderr).toContain("declares maxConcurrentActivations: 20");
    expect(set.stderr).toContain("the next pcx define puts 20 back");
    expect(set.stderr).toContain("remove maxConcurrentActivations from the definition file");
    expect(live()).toBe(7);
    const status = await world.run(["status"]);
    expect(status.stdout).toMatch(/Limit:\s+7 environments at once \(the definition says 20/);
  });

  it("define's plan shows the live 7 against the file's 20, and define puts 20 back without a new version", async () => {
    const dry = await world.run(["define", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("live 7 → the file's 20");
    const doc = (await world.run(["define", "--dry-run", "--json"])).json();
    expect(doc).toMatchObject({
      plan: {
        action: "set-limit",
        nextVersion: null,
        limit: { live: 7, definition: 20, changes: true },
      },
    });
    const before = versions();
    const applied = await world.run(["define", "--yes"]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain("the limit is the file's 20 again");
    expect(live()).toBe(20);
    expect(versions()).toBe(before);
    // Nothing left to do: the plan shows the limit as the file's, in force.
    const again = await world.run(["define", "--dry-run", "--json"]);
    expect(again.json()).toMatchObject({
      plan: { action: "none", limit: { live: 20, definition: 20, changes: false } },
    });
  });

  it("setting the file's own value does not warn", async () => {
    const set = await world.run(["limits", "set", "20"]);
    expect(set.code).toBe(0);
    expect(set.stderr).toBe("");
  });
});

describe("the file is silent: limits set owns the limit", () => {
  it("define of a file without the field leaves the limit alone, and limits set no longer warns", async () => {
    await world.run(["limits", "set", "9"]);
    writeFile(definitionYaml({ limit: null }));
    const plan = (await world.run(["define", "--dry-run", "--json"])).json() as {
      plan: { action: string; limit: unknown };
    };
    // Removing the field is a (cosmetic) change of the definition: a new version, no limit in it.
    expect(plan.plan).toMatchObject({ action: "update", limit: null });
    expect((await world.run(["define", "--yes"])).code).toBe(0);
    expect(live()).toBe(9);

    const set = await world.run(["limits", "set", "12", "--json"]);
    expect(set.json()).toMatchObject({ maxConcurrentActivations: 12, definitionLimit: null });
    expect(set.stderr).toBe("");
    const unchanged = await world.run(["define", "--yes", "--json"]);
    expect(unchanged.json()).toMatchObject({
      applied: false,
      plan: { action: "none", limit: null },
    });
    expect(live()).toBe(12);
  });

  it("a new integration from a silent file gets no limit", async () => {
    const run = await world.run(["define", "--yes", "--new", "--json"]);
    const newId = (run.json() as { result: { integrationId: number } }).result.integrationId;
    expect(stored(newId)?.maxConcurrentActivations).toBeNull();
  });
});

it("pcx limits --help and pcx limits set --help state the rule", async () => {
  for (const args of [
    ["limits", "--help"],
    ["limits", "set", "--help"],
    ["help", "limits"],
  ]) {
    const help = await pcx(args, { cwd: world.workDir });
    expect(help.stdout).toContain("Who owns the limit");
    expect(help.stdout).toContain("remove maxConcurrentActivations");
    expect(help.stdout).toContain("never touches the limit");
  }
});
