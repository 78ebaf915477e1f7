import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

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
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "examples/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
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
