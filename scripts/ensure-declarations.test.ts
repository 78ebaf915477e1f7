import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { declarationPaths, missingDeclarations } from "./ensure-declarations.mjs";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace(packages: Record<string, { manifest: object; files: string[] }>): string {
  const root = mkdtempSync(join(tmpdir(), "pcx-decl-"));
  made.push(root);
  for (const [name, { manifest, files }] of Object.entries(packages)) {
    const dir = join(root, "packages", name);
    mkdirSync(join(dir, "dist"), { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
    for (const file of files) writeFileSync(join(dir, file), "");
  }
  return root;
}

describe("ensure-declarations (before typecheck)", () => {
  it("collects the dist declarations named by types, at the top and in nested exports", () => {
    expect(
      declarationPaths({
        types: "./dist/index.d.cts",
        exports: {
          ".": { import: { types: "./dist/index.d.ts" }, require: { types: "./dist/index.d.cts" } },
          "./sub": { types: "./dist/sub.d.ts", default: "./dist/sub.js" },
          "./src": { types: "./src/index.ts" },
        },
      }).sort(),
    ).toEqual(["./dist/index.d.cts", "./dist/index.d.ts", "./dist/sub.d.ts"]);
  });

  it("names the declaration files that are missing, and none once they exist", () => {
    const root = workspace({
      sdk: {
        manifest: {
          exports: { ".": { types: "./dist/index.d.ts" }, "./x": { types: "./dist/x.d.ts" } },
        },
        files: ["dist/index.d.ts"],
      },
      testkit: { manifest: { types: "./src/index.ts" }, files: [] },
    });
    expect(missingDeclarations(root)).toEqual([join("packages", "sdk", "dist", "x.d.ts")]);
    writeFileSync(join(root, "packages", "sdk", "dist", "x.d.ts"), "");
    expect(missingDeclarations(root)).toEqual([]);
  });

  it("finds nothing missing in this repository after its build", () => {
    // The suite runs after `pnpm build` (the test script builds first).
    expect(missingDeclarations(fileURLToPath(new URL("..", import.meta.url)))).toEqual([]);
  });
});
