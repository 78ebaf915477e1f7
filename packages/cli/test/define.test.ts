import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type CliWorld, tempDir } from "@pcx/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionYaml, RAISED_DEFINITION_YAML } from "./definition-files.js";
import { createWorld } from "./pcx-harness.js";

let world: CliWorld;
beforeAll(async () => {
  world = await createWorld({}, { "pcx.integration.yaml": definitionYaml() });
});
afterAll(() => world?.close());

const state = () => world.sandbox.engine.dumpState();

describe("pcx define against the sandbox", () => {
  it("an invalid file: exit 1 with each issue, and nothing is sent", async () => {
    writeFileSync(
      join(world.workDir, "bad.yaml"),
      definitionYaml({ callbackUrl: "http://acme.example/cb" }),
    );
    const run = await world.run(["define", "bad.yaml", "--yes"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("callbackUrl");
    expect(run.stdout).toContain("nothing was submitted");
    const json = await world.run(["define", "bad.yaml", "--yes", "--json"]);
    expect(json.code).toBe(1);
    expect(json.json()).toMatchObject({ valid: false, errors: [{ path: "callbackUrl" }] });
    expect(state().integrations).toEqual([]);
  });

  it("without a terminal and without --yes: shows the plan, refuses with exit 2, creates nothing", async () => {
    const run = await world.run(["define"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Plan: create integration "Acme Invoice Sync"');
    expect(run.stderr).toContain("--yes");
    expect(state().integrations).toEqual([]);
  });

  it("--dry-run shows the plan and exits 0 without creating", async () => {
    const run = await world.run(["define", "--dry-run"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("create integration");
    expect(run.stdout).toContain("Dry run: nothing submitted");
    const json = await world.run(["define", "--dry-run", "--json"]);
    expect(json.json()).toMatchObject({ applied: false, dryRun: true, plan: { action: "create" } });
    expect(state().integrations).toEqual([]);
  });

  it("creates the integration: version 1 in review, its id saved in the profile", async () => {
    const run = await world.run(["define", "--yes", "--json"]);
    expect(run.code).toBe(0);
    const doc = run.json() as { applied: boolean; result: { integrationId: number } };
    expect(doc).toMatchObject({
      applied: true,
      plan: { action: "create" },
      result: {
        version: 1,
        reviewState: "IN_REVIEW",
        publishedVersion: null,
        activationLink: null,
      },
    });
    const id = doc.result.integrationId;
    expect(state().integrations.map((i) => i.id)).toEqual([id]);
    expect(world.config().profiles?.sandbox?.integration).toEqual({
      id,
      baseUrl: world.sandbox.apiBaseUrl,
    });
  });

  it("the same file again: no changes, nothing submitted (also with --yes)", async () => {
    const run = await world.run(["define", "--yes"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No changes");
    expect(state().integrations[0]?.versions).toHaveLength(1);
  });

  it("a raised right: a new version, classified, with the Update required warning", async () => {
    const id = state().integrations[0]!.id;
    await world.review(id, "approve");
    // 1003 is activated by the fixtures on first approval; two more through the flow.
    world.activate(id, [1001, 1004]);
    writeFileSync(join(world.workDir, "pcx.integration.yaml"), RAISED_DEFINITION_YAML);

    const plan = await world.run(["define", "--dry-run"]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("Changes against published version 1");
    expect(plan.stdout).toContain("Customer update required (1)");
    expect(plan.stdout).toContain("technicalUser.rights[business-partners].level");
    expect(plan.stdout).toContain('3 environments will see "Update required"');
    expect(state().integrations[0]?.versions).toHaveLength(1);

    const run = await world.run(["define", "--yes", "--json"]);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({
      applied: true,
      plan: {
        action: "update",
        nextVersion: 2,
        classification: "customer-update-required",
        requiresCustomerUpdate: true,
        environmentsToUpdate: 3,
        against: { version: 1, published: true },
      },
      result: { version: 2, reviewState: "IN_REVIEW", publishedVersion: 1 },
    });
    expect(state().integrations[0]?.versions.map((v) => v.reviewState)).toEqual([
      "APPROVED",
      "IN_REVIEW",
    ]);
  });

  it("pcx diff without --against compares with the published version; --exit-code exits 1", async () => {
    const run = await world.run(["diff"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("published version 1 of integration");
    expect(run.stdout).toContain("customer update required");
    // The file's $schema is not a change: the published definition never has one.
    expect(run.stdout).not.toContain("$schema");
    const strict = await world.run(["diff", "--exit-code", "--json"]);
    expect(strict.code).toBe(1);
    expect(strict.json()).toMatchObject({ requiresCustomerUpdate: true });
  });

  it("another checkout (no saved id) refuses to create a second integration of the same name", async () => {
    const other = tempDir();
    try {
      const env = { PCX_CONFIG_DIR: other.dir };
      const run = await world.run(["define", "--yes"], { env });
      expect(run.code).toBe(2);
      const id = state().integrations[0]!.id;
      expect(run.stderr).toContain(`--integration ${id}`);
      expect(state().integrations).toHaveLength(1);
      // With PCX_INTEGRATION_ID it updates that one; nothing changed since version 2.
      const pinned = await world.run(["define", "--yes"], {
        env: { ...env, PCX_INTEGRATION_ID: String(id) },
      });
      expect(pinned.code).toBe(0);
      expect(pinned.stdout).toContain("No changes");
      // --new creates another on purpose.
      const created = await world.run(["define", "--yes", "--new", "--json"], { env });
      expect(created.code).toBe(0);
      expect(state().integrations).toHaveLength(2);
    } finally {
      other.cleanup();
    }
  });
});
