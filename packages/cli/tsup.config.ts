import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(
  readFileSync(new URL("./package.json", import.meta.url), "utf8"),
) as {
  version: string;
};

// One runnable bin. The SDK is bundled in so that each command's chunk carries
// only the SDK code it uses; the other dependencies stay external and are
// loaded by the command that needs them (see src/declarations/index.ts), which keeps
// `pcx --version` and `pcx --help` free of zod, yaml, undici, conf and inquirer.
// The help text imports only `@pcx/sdk/docs` (the docs URL), never `@pcx/sdk`.
export default defineConfig({
  entry: { pcx: "src/pcx.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  splitting: true,
  sourcemap: true,
  clean: true,
  // commander is bundled too: resolving and wrapping its CommonJS files from
  // node_modules costs ≈ 8 ms of every `pcx --help` (docs/benchmarks.md). Bundled
  // CommonJS needs a real `require` for its `require("events")` etc., hence
  // the createRequire line in the banner.
  noExternal: ["@pcx/sdk", "commander", "@commander-js/extra-typings"],
  banner: {
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __pcxCreateRequire } from "node:module";',
      "const require = __pcxCreateRequire(import.meta.url);",
    ].join("\n"),
  },
  define: { __PCX_VERSION__: JSON.stringify(version) },
});
