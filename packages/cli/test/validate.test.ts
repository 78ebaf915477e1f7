import { describe, expect, it } from "vitest";
import { definitionYaml } from "./definition-files.js";
import { pcx, tempDirPerTest } from "./pcx-harness.js";

const dirWith = tempDirPerTest();

interface Issue {
  path: string;
  message: string;
  code: string;
  severity: string;
  line?: number;
}

describe("pcx validate", () => {
  it("a good definition: exit 0, summary, and the technical user as customers see it", async () => {
    const dir = dirWith({ "pcx.integration.yaml": definitionYaml() });
    const run = await pcx(["validate"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("✔ pcx.integration.yaml is valid");
    expect(run.stdout).toContain("The technical user, as customers will review it");
    expect(run.stdout).toContain("acme-invoice-sync");
    expect(run.stderr).toBe("");
  });

  it("colour only when forced or on a TTY, never with --no-color or NO_COLOR", async () => {
    const dir = dirWith({ "pcx.integration.yaml": definitionYaml() });
    // ESC [ <n> m, built from a string: biome rejects control characters in regex literals.
    const ansi = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`);
    expect((await pcx(["validate"], { cwd: dir })).stdout).not.toMatch(ansi);
    expect(
      (await pcx(["validate"], { cwd: dir, env: { NO_COLOR: "", FORCE_COLOR: "1" } })).stdout,
    ).toMatch(ansi);
    expect(
      (await pcx(["validate", "--no-color"], { cwd: dir, env: { NO_COLOR: "", FORCE_COLOR: "1" } }))
        .stdout,
    ).not.toMatch(ansi);
  });

  it("--json: one document { file, valid, errors, warnings }", async () => {
    const dir = dirWith({ "def.yaml": definitionYaml() });
    const run = await pcx(["validate", "def.yaml", "--json"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({ file: "def.yaml", valid: true, errors: [], warnings: [] });
  });

  it("a broken definition: exit 1, each error with its dot-path and line, and a summary", async () => {
    const dir = dirWith({
      "pcx.integration.yaml": definitionYaml({
        callbackUrl: "http://acme.example/callback",
        rights: `    - right: sales-invoices
      level: everything
      purpose: Creates sales invoices from shop orders.`,
      }),
    });
    const run = await pcx(["validate", "pcx.integration.yaml"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/pcx\.integration\.yaml:7(:\d+)?\s+error\s+callbackUrl\s+.*https/);
    expect(run.stdout).toMatch(
      /pcx\.integration\.yaml:15(:\d+)?\s+error\s+technicalUser\.rights\[0\]\.level\s/,
    );
    expect(run.stdout).toMatch(/✖ pcx\.integration\.yaml: 2 errors, 0 warnings/);
    expect(run.stdout).not.toContain("as customers will review it");

    const json = await pcx(["validate", "pcx.integration.yaml", "--json"], { cwd: dir });
    expect(json.code).toBe(1);
    const doc = json.json() as { valid: boolean; errors: Issue[] };
    expect(doc.valid).toBe(false);
    expect(doc.errors.map((e) => e.path).sort()).toEqual([
      "callbackUrl",
      "technicalUser.rights[0].level",
    ]);
    expect(doc.errors.find((e) => e.path === "callbackUrl")?.line).toBe(7);
  });

  it("an unknown right is a warning with a did-you-mean, and does not fail", async () => {
    const dir = dirWith({
      "pcx.integration.yaml": definitionYaml({
        rights: `    - right: sales-invoice
      level: all
      purpose: Creates sales invoices from shop orders.`,
      }),
    });
    const run = await pcx(["validate"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/warning\s+technicalUser\.rights\[0\]\.right\s+.*sales-invoices/);
    expect(run.stdout).toContain("is valid (1 warning)");

    const doc = (await pcx(["validate", "--json"], { cwd: dir })).json() as {
      valid: boolean;
      warnings: Issue[];
    };
    expect(doc.valid).toBe(true);
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatchObject({
      path: "technicalUser.rights[0].right",
      severity: "warning",
    });
  });

  it("a YAML syntax error is reported with its line, exit 1", async () => {
    const dir = dirWith({ "pcx.integration.yaml": "name: [unclosed\ndescription: x\n" });
    const run = await pcx(["validate", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    const doc = run.json() as { valid: boolean; errors: Issue[] };
    expect(doc.valid).toBe(false);
    expect(doc.errors[0]?.line).toBeTypeOf("number");
  });

  it("no definition file: usage error (2) naming the files looked for", async () => {
    const dir = dirWith({});
    const run = await pcx(["validate"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error: .*pcx\.integration/);

    const json = await pcx(["validate", "--json"], { cwd: dir });
    expect(json.code).toBe(2);
    expect(json.json()).toMatchObject({ error: { code: "pcx_definition_not_found" } });
  });
});
