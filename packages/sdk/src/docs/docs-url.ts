/**
 * Where pcx's documentation is published. Every help text and message that
 * sends the reader to the docs links below this one base, never to a path
 * in the repository (which means nothing to someone who installed pcx from npm).
 */
export const DOCS_BASE_URL = "https://github.com/pcx-dev/pcx/blob/main/docs";

/** The documentation pages (docs/<page>.md in the repository). */
export const DOCS_PAGES = [
  "cli",
  "client",
  "contract",
  "definition",
  "sandbox",
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
