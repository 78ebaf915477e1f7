// `npx -y pnpm@10 --filter fastify-backend start`: runs this backend against
// a running `pcx sandbox`. The settings are environment variables; see README.md.
import { runExample } from "sandbox-setup";
import { startBackend } from "./backend.js";

await runExample({
  name: "fastify-backend",
  title: "Fastify example backend",
  defaultPort: 3001,
  definitionFile: new URL("../pcx.integration.yaml", import.meta.url),
  startBackend,
});
