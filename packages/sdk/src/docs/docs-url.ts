/**
 * Where pcx's documentation is published. Every help text and message that
 * sends the reader to the docs links below this one base, never to a path
 * in the repository (which means nothing to someone who installed pcx from npm).
 */
export const DOCS_BASE_URL = "https://github.com/pcx-dev/pcx/blob/main/docs";

/**
 * The published URL of the definition file's JSON Schema: the file the SDK
 * ships as `@pcx/sdk/schema/integration-definition.schema.json`, as committed
 * in the repository (same repository as DOCS_BASE_URL). `pcx init` writes it
 * as `$schema` when the project has no local copy in node_modules.
 */
export const SCHEMA_URL =
  "https://raw.githubusercontent.com/pcx-dev/pcx/main/packages/sdk/schema/integration-definition.schema.json";

/** The documentation pages (docs/<page>.md in the repository). */
export const DOCS_PAGES = [
  "README",
  "getting-started",
  "definition",
  "cli",
  "cli-reference",
  "callback",
  "client",
  "stores",
  "sandbox",
  "examples",
  "security",
  "contract",
  "troubleshooting",
  "benchmarks",
  "contributing",
] as const;
/** A documentation page's name, e.g. `"cli"` for docs/cli.md. */
export type DocsPage = (typeof DOCS_PAGES)[number];

/**
 * The published URL of a documentation page, optionally at a heading's
 * anchor: `docsUrl("cli", "exit-codes")` → `…/docs/cli.md#exit-codes`.
 */
export function docsUrl(page: DocsPage, anchor?: string): string {
  return `${DOCS_BASE_URL}/${page}.md${anchor ? `#${anchor}` : ""}`;
}
