import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const sdkSrc = fileURLToPath(new URL("./packages/sdk/src/", import.meta.url));

export default defineConfig({
  resolve: {
    // Unit and integration tests run against the SDK's sources; the CLI tests
    // run the built bin (which bundles the SDK), so both paths are exercised.
    alias: [
      { find: /^@pcx\/sdk\/contract$/, replacement: `${sdkSrc}contract/index.ts` },
      { find: /^@pcx\/sdk$/, replacement: `${sdkSrc}index.ts` },
    ],
  },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "examples/**/*.test.ts",
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: ".vitest-results.json" },
  },
});
