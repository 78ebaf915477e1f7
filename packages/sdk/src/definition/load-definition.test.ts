import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { acme } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { isPcxError } from "../errors/index.js";
import { findDefinitionFile, loadDefinition } from "./load-definition.js";
import { serializeDefinition } from "./serialize-definition.js";

const examples = new URL("../../../../examples/", import.meta.url).pathname;

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "pcx-definition-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function notFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isPcxError(error)).toBe(true);
  return error as Error & { code: string; hint?: string };
}

describe("findDefinitionFile", () => {
  it("prefers pcx.integration.json, then .yaml, then .yml", async () => {
    const yaml = serializeDefinition(acme(), "yaml");
    expect(await findDefinitionFile(tempDir({ "pcx.integration.yml": yaml }))).toMatch(/\.yml$/);
    expect(
      await findDefinitionFile(
        tempDir({ "pcx.integration.yml": yaml, "pcx.integration.yaml": yaml }),
      ),
    ).toMatch(/\.yaml$/);
    expect(
      await findDefinitionFile(
        tempDir({
          "pcx.integration.yaml": yaml,
          "pcx.integration.json": serializeDefinition(acme(), "json"),
        }),
      ),
    ).toMatch(/\.json$/);
    expect(await findDefinitionFile(tempDir())).toBeUndefined();
  });
});

describe("loadDefinition", () => {
  it("loads the default file from cwd, with its absolute path and format", async () => {
    const dir = tempDir({ "pcx.integration.yaml": serializeDefinition(acme(), "yaml") });
    const loaded = await loadDefinition(undefined, { cwd: dir });
    expect(loaded).toMatchObject({
      file: join(dir, "pcx.integration.yaml"),
      format: "yaml",
      errors: [],
    });
    expect(loaded.value?.name).toBe("Acme Invoice Sync");
  });

  it("resolves a relative file against cwd, and a directory to its default file", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "sub", "pcx.integration.json"), serializeDefinition(acme(), "json"));
    expect((await loadDefinition("sub/pcx.integration.json", { cwd: dir })).format).toBe("json");
    expect((await loadDefinition("sub", { cwd: dir })).file).toBe(
      join(dir, "sub", "pcx.integration.json"),
    );
  });

  it("picks the format from the extension, or from the content", async () => {
    const dir = tempDir({
      "a.definition": serializeDefinition(acme(), "json"),
      "b.definition": serializeDefinition(acme(), "yaml"),
      "c.json": "name: x\n",
    });
    expect((await loadDefinition("a.definition", { cwd: dir })).format).toBe("json");
    expect((await loadDefinition("b.definition", { cwd: dir })).format).toBe("yaml");
    const c = await loadDefinition("c.json", { cwd: dir });
    expect(c.format).toBe("json");
    expect(c.errors[0]).toMatchObject({ code: "parse_error", line: 1, column: 1 });
    expect(c.errors[0]!.message).toMatch(/^c\.json is not valid JSON/);
  });

  it("returns problems in the file as issues with positions instead of throwing", async () => {
    const dir = tempDir({ "pcx.integration.yaml": "name: A\n" });
    const loaded = await loadDefinition(undefined, { cwd: dir });
    expect(loaded.value).toBeUndefined();
    expect(loaded.errors.find((e) => e.path === "name")).toMatchObject({ line: 1, column: 7 });
  });

  it("throws pcx_definition_not_found naming the tried paths and suggesting pcx init", async () => {
    const dir = tempDir();
    const error = await notFound(loadDefinition(undefined, { cwd: dir }));
    expect(error.code).toBe("pcx_definition_not_found");
    for (const name of ["pcx.integration.json", "pcx.integration.yaml", "pcx.integration.yml"]) {
      expect(error.message).toContain(join(dir, name));
    }
    expect(error.hint).toContain("pcx init");
    const missing = await notFound(loadDefinition("nope.yaml", { cwd: dir }));
    expect(missing.code).toBe("pcx_definition_not_found");
    expect(missing.message).toContain(join(dir, "nope.yaml"));
  });
});

describe("the example definitions", () => {
  it("examples/pcx.integration.yaml (the README quick start) is valid without warnings", async () => {
    const loaded = await loadDefinition("pcx.integration.yaml", { cwd: examples });
    expect(loaded.errors).toEqual([]);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.value).toEqual({
      ...acme(),
      $schema: "../packages/sdk/schema/integration-definition.schema.json",
    });
  });

  it("definitions/unknown-right.yaml is valid with warnings only", async () => {
    const loaded = await loadDefinition("definitions/unknown-right.yaml", { cwd: examples });
    expect(loaded.errors).toEqual([]);
    expect(loaded.warnings.map((w) => [w.path, w.code, w.line])).toEqual([
      ["technicalUser.rights[0].right", "unknown_right", 16],
      ["technicalUser.rights[1].right", "unknown_right", 19],
    ]);
    expect(loaded.warnings[1]!.message).toContain('did you mean "sales-invoices"');
  });

  it("definitions/broken.yaml reports every broken field", async () => {
    const loaded = await loadDefinition("definitions/broken.yaml", { cwd: examples });
    expect(loaded.errors.map((e) => [e.path, e.code])).toEqual([
      ["callbackUrl", "required"],
      ["name", "too_small"],
      ["description", "too_small"],
      ["links.support", "required"],
      ["links.termsOfService", "insecure_url"],
      ["maxConcurrentActivations", "too_small"],
      ["technicalUser.username", "invalid_format"],
      ["technicalUser.rights[0].level", "invalid_value"],
      ["technicalUser.rights[2].right", "duplicate_right"],
    ]);
    expect(loaded.warnings.map((w) => [w.path, w.code])).toEqual([
      ["callbackURL", "unknown_key"],
      ["technicalUser.rights[1].level", "level_too_broad"],
      ["technicalUser.rights[1].purpose", "high_risk_right"],
    ]);
  });
});
