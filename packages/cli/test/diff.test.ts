import { describe, expect, it } from "vitest";
import { definitionYaml } from "./definition-files.js";
import { pcx, tempDirPerTest } from "./pcx-harness.js";

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
  it("a raised right requires a customer update; --exit-code turns that into exit 1", async () => {
    const dir = dirWith({ "old.yaml": definitionYaml(), "new.yaml": raised });
    const run = await pcx(["diff", "new.yaml", "--against", "old.yaml"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Comparing new.yaml with old.yaml");
    expect(run.stdout).toContain("Customer update required (1)");
    expect(run.stdout).toMatch(
      /~ technicalUser\.rights\[business-partners\]\.level\s+"view" → "all"/,
    );
    expect(run.stdout).toMatch(/Result: customer update required/);

    const strict = await pcx(["diff", "new.yaml", "--against", "old.yaml", "--exit-code"], {
      cwd: dir,
    });
    expect(strict.code).toBe(1);

    const json = await pcx(["diff", "new.yaml", "--against", "old.yaml", "--exit-code", "--json"], {
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

  it("a description change is cosmetic and passes --exit-code", async () => {
    const dir = dirWith({
      "old.yaml": definitionYaml(),
      "new.yaml": definitionYaml({
        description: "Sends every sales invoice from Acme Shop to Procountor.",
      }),
    });
    const run = await pcx(["diff", "new.yaml", "--against", "old.yaml", "--exit-code"], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Cosmetic (1)");
    expect(run.stdout).toMatch(/~ description\s+"Sends sales invoices/);
    expect(run.stdout).toMatch(/Result: cosmetic/);
    const doc = (
      await pcx(["diff", "new.yaml", "--against", "old.yaml", "--json"], {
        cwd: dir,
      })
    ).json() as DiffDoc;
    expect(doc.classification).toBe("cosmetic");
    expect(doc.requiresCustomerUpdate).toBe(false);
    expect(doc.changes.map((c) => c.path)).toEqual(["description"]);
  });

  it("identical files: no changes", async () => {
    const dir = dirWith({ "a.yaml": definitionYaml(), "b.yaml": definitionYaml() });
    const run = await pcx(["diff", "a.yaml", "--against", "b.yaml", "--json"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ classification: "none", changes: [] });
  });

  it("without --against and without credentials: exit 4 pointing at pcx login and the sandbox", async () => {
    const dir = dirWith({ "pcx.integration.yaml": definitionYaml() });
    // pcx() gives each run an empty config dir and no PCX_* credentials:
    // the published definition cannot be fetched.
    const run = await pcx(["diff"], { cwd: dir });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain("pcx login");
    expect(run.stderr).toContain("--profile sandbox");
    const json = await pcx(["diff", "--json"], { cwd: dir });
    expect(json.code).toBe(4);
    expect(json.json()).toMatchObject({ error: { code: "pcx_missing_credentials" } });
  });

  it("an invalid definition on either side: exit 1 with a pointer to pcx validate", async () => {
    const dir = dirWith({
      "old.yaml": definitionYaml(),
      "new.yaml": definitionYaml({ callbackUrl: "not a url" }),
    });
    const run = await pcx(["diff", "new.yaml", "--against", "old.yaml"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("new.yaml is not a valid definition");
    expect(run.stderr).toContain("pcx validate new.yaml");
  });
});
