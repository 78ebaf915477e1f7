// The docs hold together: docs/README.md links every page, DOCS_PAGES (the
// pages messages link to) names exactly the pages there are, every relative
// link and #anchor resolves inside the repository, and nothing points outside it.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { DOCS_PAGES } from "@pcx/sdk/docs";
import { describe, expect, it } from "vitest";
import { codeBlocks, REPO_DIR } from "./doc-snippets.js";

const DOCS_DIR = join(REPO_DIR, "docs");

/**
 * Links known to be broken, each with its reason, so that the rest stays
 * checked. A test below fails once one of them resolves: then remove it here.
 */
const KNOWN_BROKEN: Readonly<Record<string, string>> = {};
const pages = readdirSync(DOCS_DIR).filter((f) => f.endsWith(".md"));
const read = (file: string) => readFileSync(file, "utf8");

/** The page's text without its code blocks. */
function prose(markdown: string): string {
  let text = markdown;
  for (const block of codeBlocks(markdown)) text = text.replace(block.code, "");
  return text;
}

/** GitHub's anchor for a heading. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of prose(markdown).split("\n")) {
    const m = /^#{1,6} (.+)$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  return result;
}

function links(markdown: string): string[] {
  // Inline code is not a link either: `a](b)` in a pattern.
  const text = prose(markdown).replace(/`[^`\n]*`/g, (code) => (code.includes("](") ? "``" : code));
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

describe("docs/", () => {
  it("README.md links every page", () => {
    const linked = new Set(links(read(join(DOCS_DIR, "README.md"))));
    for (const page of pages.filter((p) => p !== "README.md")) {
      expect(linked.has(page), `docs/README.md does not link ${page}`).toBe(true);
    }
  });

  it("DOCS_PAGES names exactly the pages there are", () => {
    expect([...DOCS_PAGES].map((p) => `${p}.md`).sort()).toEqual([...pages].sort());
  });

  it.each(pages)("%s: every relative link and anchor resolves inside the repository", (page) => {
    const text = read(join(DOCS_DIR, page));
    expect(text).not.toMatch(/\.\.\/shared|DESIGN\.md|\bCLI\.md|PROCOUNTOR-FACTS/);
    for (const link of links(text)) {
      if (/^[a-z]+:/.test(link)) continue; // https:, mailto:
      if (`${page}: ${link}` in KNOWN_BROKEN) continue;
      const [path = "", anchor] = link.split("#");
      const target = path === "" ? join(DOCS_DIR, page) : resolve(DOCS_DIR, path);
      expect(relative(REPO_DIR, target).startsWith(".."), `${link} leaves the repository`).toBe(
        false,
      );
      expect(existsSync(target), `${page}: ${link} does not exist`).toBe(true);
      if (anchor && target.endsWith(".md") && statSync(target).isFile()) {
        expect(anchors(read(target)).has(anchor), `${page}: ${link}: no such heading`).toBe(true);
      }
    }
  });

  it.each(Object.keys(KNOWN_BROKEN))(
    "%s is still broken (else remove it from KNOWN_BROKEN)",
    (entry) => {
      const [page = "", link = ""] = entry.split(": ");
      expect(links(read(join(DOCS_DIR, page)))).toContain(link);
      const [path = "", anchor = ""] = link.split("#");
      const target = resolve(DOCS_DIR, path);
      expect(existsSync(target) && anchors(read(target)).has(anchor)).toBe(false);
    },
  );
});
