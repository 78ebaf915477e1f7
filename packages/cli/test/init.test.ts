import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DOCS_BASE_URL, SCHEMA_URL } from "@pcx/sdk/docs";
import { describe, expect, it } from "vitest";
import { pcx, tempDirPerTest } from "./pcx-harness.js";

const emptyDir = tempDirPerTest();

/** Where an npm install puts the SDK's schema, and the file itself. */
const INSTALLED_SCHEMA = "node_modules/@pcx/sdk/schema/integration-definition.schema.json";
const SHIPPED_SCHEMA = readFileSync(
  createRequire(import.meta.url).resolve("@pcx/sdk/schema/integration-definition.schema.json"),
  "utf8",
);

/** A project directory laid out as `npm i -D @pcx/cli` leaves it: the SDK's schema in node_modules. */
function projectWithSdk(): string {
  const dir = emptyDir();
  mkdirSync(join(dir, dirname(INSTALLED_SCHEMA)), { recursive: true });
  writeFileSync(join(dir, INSTALLED_SCHEMA), SHIPPED_SCHEMA);
  return dir;
}

const ALL_FLAGS = [
  "--name",
  "Acme Invoice Sync",
  "--description",
  "Sends sales invoices from Acme Shop to Procountor.",
  "--callback-url",
  "https://acme.example/procountor/callback",
  "--privacy-url",
  "https://acme.example/privacy",
  "--terms-url",
  "https://acme.example/terms",
  "--support-url",
  "https://acme.example/support",
  "--username",
  "acme-invoice-sync",
  "--right",
  "sales-invoices:all:Creates sales invoices from shop orders.",
  "--right",
  "business-partners:view:Looks up customers: by business id.",
  "--max-activations",
  "20",
];

describe("pcx init (non-interactive: no TTY)", () => {
  it("with every flag writes a valid YAML file with $schema", async () => {
    const dir = emptyDir();
    const run = await pcx(["init", ...ALL_FLAGS], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Wrote pcx.integration.yaml");
    const text = readFileSync(join(dir, "pcx.integration.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe(`$schema: ${SCHEMA_URL}`);
    expect(text).toContain("maxConcurrentActivations: 20");
    expect(text).toContain("Looks up customers: by business id.");

    const validated = await pcx(["validate", "--json"], { cwd: dir });
    expect(validated.code).toBe(0);
    expect(validated.json()).toMatchObject({
      file: "pcx.integration.yaml",
      valid: true,
      errors: [],
    });
  });

  it("--format json writes pcx.integration.json; --json prints the result document", async () => {
    const dir = emptyDir();
    const run = await pcx(["init", ...ALL_FLAGS, "--format", "json", "--json"], { cwd: dir });
    expect(run.code).toBe(0);
    const doc = run.json() as { file: string; format: string; definition: Record<string, unknown> };
    expect(doc.file).toBe("pcx.integration.json");
    expect(doc.format).toBe("json");
    const written = JSON.parse(readFileSync(join(dir, "pcx.integration.json"), "utf8"));
    expect(written.$schema).toBe(SCHEMA_URL);
    expect(written.technicalUser.rights).toHaveLength(2);
    expect(written.technicalUser.rights[1]).toEqual({
      right: "business-partners",
      level: "view",
      purpose: "Looks up customers: by business id.",
    });
  });

  it("missing flags: usage error (2) listing them, and nothing written", async () => {
    const dir = emptyDir();
    const run = await pcx(["init", "--name", "Acme Invoice Sync"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    for (const flag of [
      "--description",
      "--callback-url",
      "--privacy-url",
      "--terms-url",
      "--support-url",
      "--username",
      "--right",
    ]) {
      expect(run.stderr).toContain(flag);
    }
    expect(run.stderr).not.toMatch(/Missing.*--name/);
    expect(existsSync(join(dir, "pcx.integration.yaml"))).toBe(false);

    const json = await pcx(["init", "--json"], { cwd: dir });
    expect(json.code).toBe(2);
    expect(json.json()).toMatchObject({ error: { code: "pcx_usage" } });
  });

  it("refuses to overwrite without --force; --force overwrites", async () => {
    const dir = emptyDir();
    const file = join(dir, "pcx.integration.yaml");
    writeFileSync(file, "# mine\n");
    const refused = await pcx(["init", ...ALL_FLAGS], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("pcx.integration.yaml already exists");
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(file, "utf8")).toBe("# mine\n");

    const forced = await pcx(["init", ...ALL_FLAGS, "--force"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("name: Acme Invoice Sync");
  });

  it("invalid values are not written: usage error naming the flag", async () => {
    const dir = emptyDir();
    const args = [...ALL_FLAGS];
    args[args.indexOf("--callback-url") + 1] = "http://acme.example/callback";
    const run = await pcx(["init", ...args], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--callback-url: .*https/);
    expect(existsSync(join(dir, "pcx.integration.yaml"))).toBe(false);
  });

  it("malformed --right and --max-activations are usage errors", async () => {
    const dir = emptyDir();
    const badRight = [...ALL_FLAGS];
    badRight[badRight.indexOf("--right") + 1] = "sales-invoices:write";
    const right = await pcx(["init", ...badRight], { cwd: dir });
    expect(right.code).toBe(2);
    expect(right.stderr).toContain("key:level:purpose");
    const badMax = [...ALL_FLAGS];
    badMax[badMax.indexOf("--max-activations") + 1] = "0";
    expect((await pcx(["init", ...badMax], { cwd: dir })).code).toBe(2);
  });

  it("--file in a subdirectory points $schema back at the project's node_modules", async () => {
    const dir = projectWithSdk();
    const run = await pcx(["init", ...ALL_FLAGS, "--file", "config/pcx.integration.yml"], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const text = readFileSync(join(dir, "config/pcx.integration.yml"), "utf8");
    expect(text).toContain(
      "$schema: ../node_modules/@pcx/sdk/schema/integration-definition.schema.json",
    );
  });

  describe("the $schema it writes resolves", () => {
    /** The repository's raw-file base that SCHEMA_URL points into, from the same repository as the docs. */
    const repository = DOCS_BASE_URL.replace(
      /^https:\/\/github\.com\/([^/]+\/[^/]+)\/blob\/([^/]+)\/docs$/,
      "$1@$2",
    );
    const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

    it("in a plain project (no node_modules): the published URL of the schema file the SDK ships", async () => {
      const dir = emptyDir();
      expect((await pcx(["init", ...ALL_FLAGS, "--format", "json"], { cwd: dir })).code).toBe(0);
      const ref = JSON.parse(readFileSync(join(dir, "pcx.integration.json"), "utf8")).$schema;
      const match = /^https:\/\/raw\.githubusercontent\.com\/([^/]+\/[^/]+)\/([^/]+)\/(.+)$/.exec(
        ref,
      );
      expect(match, ref).not.toBeNull();
      const [, repo, branch, path] = match!;
      // The docs and the schema are published from the same repository and branch.
      expect(`${repo}@${branch}`).toBe(repository);
      // The path is the schema file the SDK package ships (package.json "files"/"exports").
      const file = join(repoRoot, path!);
      expect(existsSync(file), file).toBe(true);
      expect(JSON.parse(readFileSync(file, "utf8")).title).toBe("pcx integration definition");
      expect(path).toBe(`packages/sdk/${INSTALLED_SCHEMA.replace("node_modules/@pcx/sdk/", "")}`);
    });

    it("with @pcx/sdk installed (npm puts it beside @pcx/cli): a relative path to that file, also from a subdirectory", async () => {
      const dir = projectWithSdk();
      for (const file of ["pcx.integration.yaml", "deploy/procountor/pcx.integration.yaml"]) {
        const run = await pcx(["init", ...ALL_FLAGS, "--file", file], { cwd: dir });
        expect(run.code).toBe(0);
        const first = readFileSync(join(dir, file), "utf8").split("\n")[0]!;
        const ref = first.replace(/^\$schema: /, "");
        expect(ref).not.toBe(first);
        expect(ref.startsWith(".")).toBe(true);
        expect(readFileSync(resolve(dirname(join(dir, file)), ref), "utf8")).toBe(SHIPPED_SCHEMA);
      }
    });
  });
});
