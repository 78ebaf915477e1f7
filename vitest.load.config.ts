import { configDefaults, defineConfig } from "vitest/config";
import suite, { LOAD_TESTS } from "./vitest.config";

// The load stage: the same aliases and reporters as the suite, only the load
// tests, with their own JSON report (.ci/run adds both reports up).
export default defineConfig({
  ...suite,
  test: {
    ...suite.test,
    include: LOAD_TESTS,
    exclude: configDefaults.exclude,
    outputFile: { json: ".vitest-results-load.json" },
  },
});
