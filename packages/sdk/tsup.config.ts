import { defineConfig } from "tsup";

export default defineConfig({
  // text: the terminal sanitiser on its own, free of zod and yaml, for the CLI's output layer.
  entry: { index: "src/index.ts", contract: "src/contract/index.ts", text: "src/text/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  splitting: true,
});
