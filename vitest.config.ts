import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

const TEST_FILES = [
  "packages/*/src/**/*.test.ts",
  "packages/*/test/**/*.test.ts",
  "examples/**/*.test.ts",
  "scripts/**/*.test.ts",
];

/** Every `*.test.ts` below `dir`, relative to the root (node_modules and dist skipped). */
function testFilesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === "node_modules" || entry.name === "dist" ? [] : testFilesUnder(path);
    }
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/**
 * Test files that need a fresh process of their own: they replace modules
 * (`vi.mock`), which would leak into the next file of a shared worker, or load
 * nock, which patches Node's http and fetch for everything that runs after it.
 */
const NEEDS_OWN_PROCESS = /\bvi\.(?:do)?[mM]ock\(|from "nock"|"@pcx\/testkit\/nock"/;
const ownProcessFiles = ["packages", "examples", "scripts"]
  .flatMap(testFilesUnder)
  .filter((file) => NEEDS_OWN_PROCESS.test(readFileSync(join(root, file), "utf8")));

const src = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/`, import.meta.url));
const sdkSrc = src("sdk");

export default defineConfig({
  resolve: {
    // Unit and integration tests run against the packages' sources; the CLI
    // tests run the built bin (which bundles the SDK), so both paths are exercised.
    // No test reaches into another package by a relative path: it imports the
    // package by name, and these aliases point the name at the sources.
    alias: [
      { find: /^@pcx\/sdk\/contract$/, replacement: `${sdkSrc}contract/index.ts` },
      { find: /^@pcx\/sdk\/docs$/, replacement: `${sdkSrc}docs/index.ts` },
      { find: /^@pcx\/sdk\/text$/, replacement: `${sdkSrc}text/index.ts` },
      {
        find: /^@pcx\/sdk\/callback\/(node|express|fastify|fetch)$/,
        replacement: `${sdkSrc}callback/adapters/$1-callback.ts`,
      },
      { find: /^@pcx\/sdk$/, replacement: `${sdkSrc}index.ts` },
      { find: /^@pcx\/sandbox$/, replacement: `${src("sandbox")}index.ts` },
      { find: /^@pcx\/testkit$/, replacement: `${src("testkit")}index.ts` },
      { find: /^@pcx\/testkit\/nock$/, replacement: `${src("testkit")}nock-fixtures.ts` },
      { find: /^@pcx\/testkit\/sandbox$/, replacement: `${src("testkit")}sandbox-fixtures.ts` },
      {
        find: /^@pcx\/testkit\/store-contract$/,
        replacement: `${src("testkit")}store-contract/index.ts`,
      },
      { find: /^@pcx\/store-sql$/, replacement: `${src("store-sql")}index.ts` },
      { find: /^@pcx\/store-sql\/sqlite$/, replacement: `${src("store-sql")}sqlite.ts` },
      { find: /^@pcx\/store-sql\/postgres$/, replacement: `${src("store-sql")}postgres.ts` },
    ],
  },
  test: {
    // Two projects. "shared": files run one after another in forked workers
    // that keep their loaded modules, so a file does not import zod, undici,
    // the SDK and the sandbox again (that import was half the suite's CPU
    // time; docs/contributing.md). "own-process": the few files above that
    // must not share, each in a fresh worker thread. (vitest 3 reads
    // isolation per pool, not per project, hence one pool each.)
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: TEST_FILES,
          exclude: [...configDefaults.exclude, ...ownProcessFiles],
          pool: "forks",
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        // After the shared files, so the two pools never compete for the two cores.
        test: {
          name: "own-process",
          include: ownProcessFiles,
          pool: "threads",
          sequence: { groupOrder: 1 },
        },
      },
    ],
    poolOptions: {
      forks: { isolate: false },
      threads: { isolate: true },
    },
    // vitest's default is one worker per core but one, so a single worker on
    // these 2-core machines. Most of the suite waits on sockets, child
    // processes and PostgreSQL, so two workers overlap that waiting: the suite
    // went from 162 s to 101 s on a quiet 2-core machine (docs/contributing.md).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    minWorkers: 1,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: ".vitest-results.json" },
  },
});
