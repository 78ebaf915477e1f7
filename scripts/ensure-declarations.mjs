// Runs before `typecheck`. The packages, the examples and the demo type-check
// against the packages' own declarations (dist/*.d.ts), which only a full
// build writes: the demo (the README's first line) builds JavaScript alone. So
// on a fresh clone, `typecheck` after the demo failed with "Could not find a
// declaration file for module '@pcx/sdk'". Now it builds once instead.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** Every "./dist/…" path a package.json names under a "types" key (top level and exports). */
export function declarationPaths(manifest) {
  const found = new Set();
  const visit = (value, key) => {
    if (typeof value === "string") {
      if (key === "types" && value.startsWith("./dist/")) found.add(value);
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(manifest.types, "types");
  visit(manifest.exports, "exports");
  return [...found];
}

/** The declaration files the packages under `root`/packages name but do not have yet. */
export function missingDeclarations(root) {
  const packages = join(root, "packages");
  return readdirSync(packages, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(packages, entry.name, "package.json")),
    )
    .flatMap((entry) => {
      const dir = join(packages, entry.name);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      return declarationPaths(manifest)
        .map((path) => join(dir, path))
        .filter((path) => !existsSync(path))
        .map((path) => relative(root, path));
    });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const missing = missingDeclarations(root);
  if (missing.length > 0) {
    console.log(
      `typecheck: ${missing.length} declaration file(s) missing (${missing[0]}…): building the packages first`,
    );
    // Through the pnpm that runs this script when there is one.
    const pnpm = process.env.npm_execpath;
    const build = pnpm
      ? spawnSync(process.execPath, [pnpm, "run", "build"], { cwd: root, stdio: "inherit" })
      : spawnSync("npx", ["-y", "pnpm@10", "run", "build"], { cwd: root, stdio: "inherit" });
    process.exitCode = build.status ?? 1;
  }
}
