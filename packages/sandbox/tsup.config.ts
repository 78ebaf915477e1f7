import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "node",
  // tsup externalises dependencies and peerDependencies, not optionalDependencies:
  // bundled, better-sqlite3 cannot find its compiled binding.
  external: ["better-sqlite3"],
});
