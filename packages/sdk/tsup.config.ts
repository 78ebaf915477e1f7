import { defineConfig } from "tsup";

export default defineConfig({
  // text: the terminal sanitiser on its own, free of zod and yaml, for the CLI's output layer;
  // docs: the docs URL on its own, for the CLI's help text.
  entry: {
    index: "src/index.ts",
    contract: "src/contract/index.ts",
    text: "src/text/index.ts",
    docs: "src/docs/index.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  splitting: true,
});
