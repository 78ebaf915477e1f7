import { defineConfig } from "tsup";

export default defineConfig({
  // text: the terminal sanitiser on its own, free of zod and yaml, for the CLI's output layer;
  // docs: the docs URL on its own, for the CLI's help text.
  entry: {
    index: "src/index.ts",
    contract: "src/contract/index.ts",
    text: "src/text/index.ts",
    docs: "src/docs/index.ts",
    // The callback adapters: thin subpath entries, so a backend loads only its framework's.
    "callback/node": "src/callback/adapters/node-callback.ts",
    "callback/express": "src/callback/adapters/express-callback.ts",
    "callback/fastify": "src/callback/adapters/fastify-callback.ts",
    "callback/fetch": "src/callback/adapters/fetch-callback.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  splitting: true,
});
