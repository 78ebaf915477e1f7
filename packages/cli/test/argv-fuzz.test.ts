import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definitionYaml } from "./definition-files.js";
import { pcx, tempDirPerTest } from "./pcx-harness.js";

const dirWith = tempDirPerTest();

/** Words pcx knows, and values for them; `sandbox` is left out (it runs until a signal). */
const WORDS = [
  "init",
  "validate",
  "diff",
  "define",
  "status",
  "limits",
  "show",
  "set",
  "link",
  "login",
  "logout",
  "profiles",
  "completion",
  "help",
  "environment",
  "bash",
  "--json",
  "--yes",
  "-y",
  "--verbose",
  "--no-color",
  "--help",
  "-h",
  "--version",
  "--dry-run",
  "--new",
  "--exit-code",
  "--against",
  "--integration",
  "--state",
  "--expires",
  "--qr",
  "--file",
  "--format",
  "--name",
  "--right",
  "--max-activations",
  "--force",
  "--locale",
  "--show-state-secret",
  "--forget",
  "--no-verify",
  "--client-id",
  "--client-secret-stdin",
  "--",
  "-",
  "none",
  "0",
  "7",
  "-3",
  "1e3",
  "pcx.integration.yaml",
  "missing.yaml",
  "yaml",
  "fi",
  "30m",
  "soon",
];

/** Help, version and topic texts: the answers that are text even with --json. */
const TEXT_ANSWER = /^(Usage: pcx|\d+\.\d+|Exit codes:|Environment variables)/;

describe("pcx under arbitrary arguments", () => {
  it("always ends with an exit code 0-4, never an internal error; with --json, stdout is one document or a help text", async () => {
    const cwd = dirWith({ "pcx.integration.yaml": definitionYaml() });
    // Credentials for any profile, and an API that refuses connections: the
    // commands that call it fail fast (exit 3, after the retries, which do not wait here).
    const env = {
      PCX_BASE_URL: "http://127.0.0.1:9/api",
      PCX_CLIENT_ID: "fuzz",
      PCX_CLIENT_SECRET: "fuzz-secret",
      PCX_API_KEY: "fuzz-key",
      PCX_INTEGRATION_ID: "1",
    };
    const token = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      { weight: 1, arbitrary: fc.constantFrom(["--profile", "test"], ["--profile", "zq"]) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 6 }), async (tokens) => {
        const argv = tokens.flat();
        fc.pre(!argv.includes("sandbox"));
        const run = await pcx(argv, { cwd, env });
        expect([0, 1, 2, 3, 4]).toContain(run.code);
        expect(run.stderr).not.toContain("Unexpected error");
        expect(run.stderr).not.toContain("internal error");
        if (argv.includes("--json") && run.stdout !== "" && !TEXT_ANSWER.test(run.stdout)) {
          const doc = run.json() as { error?: { code: string } };
          expect(doc.error?.code).not.toBe("pcx_internal");
        }
      }),
      { numRuns: 60, interruptAfterTimeLimit: 3_000 },
    );
  });
});
