import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const src = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/`, import.meta.url));
const sdkSrc = src("sdk");

/**
 * The load tests (1,000 requests × 3 environments under chaos, on SQLite and
 * on PostgreSQL from 4 processes) run as their own stage after the suite:
 * `npx -y pnpm@10 test` runs both, `npx -y pnpm@10 test:load` only them
 * (vitest.load.config.ts). Together they take about as long as the rest of
 * the suite, so they are kept out of the suite's time budget, not out of CI.
 */
export const LOAD_TESTS = ["packages/store-sql/test/load-*.test.ts"];

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
    exclude: [...configDefaults.exclude, ...LOAD_TESTS],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: ".vitest-results.json" },
  },
});
