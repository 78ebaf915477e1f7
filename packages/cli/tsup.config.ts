import { defineConfig } from "tsup";

// One runnable bin. The SDK is bundled in so that each command's chunk carries
// only the SDK code it uses; third-party dependencies stay external and are
// loaded by the command that needs them (see src/cli.ts), which keeps
// `pcx --version` and `pcx --help` free of zod, yaml, undici, conf and inquirer.
export default defineConfig({
  entry: { pcx: "src/pcx.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  splitting: true,
  sourcemap: true,
  clean: true,
  noExternal: ["@pcx/sdk"],
  banner: { js: "#!/usr/bin/env node" },
});
