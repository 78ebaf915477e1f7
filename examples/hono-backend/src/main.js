// `npx -y pnpm@10 --filter hono-backend start`: runs this backend against a
// running `pcx sandbox`. The settings are environment variables; see README.md.
import { runExample } from "sandbox-setup";
import { startBackend } from "./backend.js";

await runExample({
  name: "hono-backend",
  title: "Hono example backend",
  defaultPort: 3002,
  definitionFile: new URL("../pcx.integration.yaml", import.meta.url),
  startBackend,
});
