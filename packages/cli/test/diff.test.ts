import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, definitionYaml, pcx, tempDir, tempDirPerTest } from "./run-pcx.js";

beforeAll(assertBuilt);

const dirWith = tempDirPerTest();

const raised = definitionYaml({
  rights: `    - right: sales-invoices
      level: all
      purpose: Creates sales invoices from shop orders.
    - right: business-partners
      level: all
      purpose: Looks up customers before invoicing.`,
});

interface DiffDoc {
  file: string;
  against: string;
  classification: string;
  requiresCustomerUpdate: boolean;
  needsReview: boolean;
  changes: {
    path: string;
    kind: string;
    before?: unknown;
    after?: unknown;
    classification: string;
    reason: string;
  }[];
}

describe("pcx diff", () => {
  it("a raised right requires a customer update; --exit-code turns that into exit 1", () => {
    const dir = dirWith({ "old.yaml": definitionYaml(), "new.yaml": raised });
    const run = pcx(["diff", "new.yaml", "--against", "old.yaml"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Comparing new.yaml with old.yaml");
    expect(run.stdout).toContain("Customer update required (1)");
    expect(run.stdout).toMatch(
      /~ technicalUser\.rights\[business-partners\]\.level\s+"view" → "all"/,
    );
    expect(run.stdout).toMatch(/Result: customer update required/);

    const strict = pcx(["diff", "new.yaml", "--against", "old.yaml", "--exit-code"], { cwd: dir });
    expect(strict.code).toBe(1);

    const json = pcx(["diff", "new.yaml", "--against", "old.yaml", "--exit-code", "--json"], {
      cwd: dir,
    });
    expect(json.code).toBe(1);
    const doc = json.json() as DiffDoc;
    expect(doc).toMatchObject({
      file: "new.yaml",
      against: "old.yaml",
      classification: "customer-update-required",
      requiresCustomerUpdate: true,
    });
    expect(doc.changes).toContainEqual(
      expect.objectContaining({
        path: "technicalUser.rights[business-partners].level",
        kind: "changed",
        before: "view",
        after: "all",
        classification: "customer-update-required",
        reason: expect.any(String),
      }),
    );
  });

  it("a description change is cosmetic and passes --exit-code", () => {
    const dir = dirWith({
      "old.yaml": definitionYaml(),
      "new.yaml": definitionYaml({
        description: "Sends every sales invoice from Acme Shop to Procountor.",
      }),
    });
    const run = pcx(["diff", "new.yaml", "--against", "old.yaml", "--exit-code"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Cosmetic (1)");
    expect(run.stdout).toMatch(/~ description\s+"Sends sales invoices/);
    expect(run.stdout).toMatch(/Result: cosmetic/);
    const doc = pcx(["diff", "new.yaml", "--against", "old.yaml", "--json"], {
      cwd: dir,
    }).json() as DiffDoc;
    expect(doc.classification).toBe("cosmetic");
    expect(doc.requiresCustomerUpdate).toBe(false);
    expect(doc.changes.map((c) => c.path)).toEqual(["description"]);
  });

  it("identical files: no changes", () => {
    const dir = dirWith({ "a.yaml": definitionYaml(), "b.yaml": definitionYaml() });
    const run = pcx(["diff", "a.yaml", "--against", "b.yaml", "--json"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ classification: "none", changes: [] });
  });

  it("without --against and without credentials: exit 4 pointing at pcx login and the sandbox", () => {
    const dir = dirWith({ "pcx.integration.yaml": definitionYaml() });
    // An empty config dir and no PCX_* credentials: the published definition cannot be fetched.
    const config = tempDir();
    const env = {
      PCX_CONFIG_DIR: config.dir,
      PCX_PROFILE: "",
      PCX_CLIENT_ID: "",
      PCX_CLIENT_SECRET: "",
      PCX_API_KEY: "",
    };
    const run = pcx(["diff"], { cwd: dir, env });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain("pcx login");
    expect(run.stderr).toContain("--profile sandbox");
    const json = pcx(["diff", "--json"], { cwd: dir, env });
    config.cleanup();
    expect(json.code).toBe(4);
    expect(json.json()).toMatchObject({ error: { code: "pcx_missing_credentials" } });
  });

  it("an invalid definition on either side: exit 1 with a pointer to pcx validate", () => {
    const dir = dirWith({
      "old.yaml": definitionYaml(),
      "new.yaml": definitionYaml({ callbackUrl: "not a url" }),
    });
    const run = pcx(["diff", "new.yaml", "--against", "old.yaml"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("new.yaml is not a valid definition");
    expect(run.stderr).toContain("pcx validate new.yaml");
  });
});
