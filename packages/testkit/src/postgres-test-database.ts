import { describe, it } from "vitest";

/** The URL that works on the project's machines (trust auth, database `test`). */
export const EXAMPLE_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

/** PCX_TEST_DATABASE_URL, when set: the real PostgreSQL the store tests use. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.PCX_TEST_DATABASE_URL;
  return url && url.trim() !== "" ? url : undefined;
}

/**
 * `describe` for tests that need the real PostgreSQL. With
 * PCX_TEST_DATABASE_URL set they run. Without it they are skipped locally,
 * with a note naming the variable (a developer machine may have no
 * PostgreSQL), and under CI=true they FAIL: CI must run them, never skip.
 */
export function describePostgres(name: string, body: (url: string) => void): void {
  const url = testDatabaseUrl();
  if (url) {
    describe(name, () => body(url));
    return;
  }
  const note = `set PCX_TEST_DATABASE_URL (e.g. ${EXAMPLE_TEST_DATABASE_URL}) to run`;
  if (process.env.CI === "true" || process.env.CI === "1") {
    describe(name, () => {
      it("needs PostgreSQL: PCX_TEST_DATABASE_URL is not set under CI", () => {
        throw new Error(`PostgreSQL tests must run in CI: ${note}`);
      });
    });
    return;
  }
  // Skipped only because no PostgreSQL was configured for this run.
  process.stderr.write(`note: skipping "${name}": ${note}\n`);
  describe.skip(`${name} (skipped: ${note})`, () => body(EXAMPLE_TEST_DATABASE_URL));
}
