import { defineConfig } from "tsup";

export default defineConfig({
  // One entry per driver, so importing the PostgreSQL store never loads the
  // SQLite code or driver (and the other way round).
  entry: { index: "src/index.ts", sqlite: "src/sqlite.ts", postgres: "src/postgres.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "node",
  splitting: true,
  // Peers stay imports: bundled, better-sqlite3 cannot find its compiled binding.
  external: ["better-sqlite3", "pg", "kysely", "@pcx/sdk"],
});
