import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../packages/sdk/src/errors/pcx-error.js";
import { GENERATED_PAGES, generatePage, REPO_ROOT } from "./generate-docs.js";
import { GENERATE_COMMAND, replaceSection } from "./generated-section.js";
import { TROUBLESHOOTING } from "./troubleshooting-entries.js";

// `npx -y pnpm@10 docs:generate` runs this file with PCX_WRITE_DOCS=1: it then
// writes the pages instead of comparing them.
const write = process.env.PCX_WRITE_DOCS === "1";

describe("generated docs", () => {
  it.each(GENERATED_PAGES.map((page) => page.file))("%s is up to date", (file) => {
    const { committed, generated } = generatePage(file);
    if (write) {
      if (generated !== committed) writeFileSync(new URL(file, REPO_ROOT), generated);
      return;
    }
    expect(
      generated === committed,
      `${file} is stale: the commands, schema or catalogue changed without regenerating it. Run \`${GENERATE_COMMAND}\` and commit the result.`,
    ).toBe(true);
  });

  it("troubleshooting has an entry for every PcxError code", () => {
    const page = generatePage("docs/troubleshooting.md").generated;
    for (const code of ERROR_CODES) {
      expect(TROUBLESHOOTING[code], code).toBeDefined();
      expect(page, code).toContain(`### ${code}\n`);
    }
  });

  it("a generated section needs its markers", () => {
    expect(() => replaceSection("# A page\n", "cli-reference", "text")).toThrow(
      /no generated section "cli-reference"/,
    );
  });
});
