import { readFileSync } from "node:fs";
import { declaredProgram } from "../../packages/cli/src/declarations/declared-program.js";
import { ENV_VARS } from "../../packages/cli/src/env-vars.js";
import { definitionJsonSchema } from "../../packages/sdk/src/definition/definition-json-schema.js";
import { RIGHTS_CATALOGUE } from "../../packages/sdk/src/permissions/rights-catalogue.js";
import { renderCliReference } from "./cli-reference.js";
import { renderDefinitionFields, renderRightsCatalogue } from "./definition-reference.js";
import { cell, code, replaceSection, table } from "./generated-section.js";
import { renderTroubleshooting } from "./troubleshooting.js";
import { TROUBLESHOOTING } from "./troubleshooting-entries.js";

/** The repository's root directory. */
export const REPO_ROOT = new URL("../../", import.meta.url);

/** Each page with generated sections, and what writes each section. */
export const GENERATED_PAGES: readonly {
  file: string;
  sections: Readonly<Record<string, () => string>>;
}[] = [
  {
    file: "docs/cli-reference.md",
    sections: { "cli-reference": () => renderCliReference(declaredProgram()) },
  },
  {
    file: "docs/cli.md",
    sections: {
      "environment-variables": () =>
        table(
          ["variable", "effect"],
          ENV_VARS.map((v) => [code(v.name), cell(v.effect)]),
        ),
    },
  },
  {
    file: "docs/definition.md",
    sections: {
      "definition-fields": () => renderDefinitionFields(definitionJsonSchema()),
      "rights-catalogue": () => renderRightsCatalogue(RIGHTS_CATALOGUE),
    },
  },
  {
    file: "docs/troubleshooting.md",
    sections: { troubleshooting: () => renderTroubleshooting(TROUBLESHOOTING) },
  },
];

/** A generated page as it should read: the committed page with its generated sections rewritten. */
export function generatePage(file: string): { committed: string; generated: string } {
  const page = GENERATED_PAGES.find((p) => p.file === file);
  if (!page) throw new Error(`${file} has no generated sections`);
  const committed = readFileSync(new URL(file, REPO_ROOT), "utf8");
  let generated = committed;
  for (const [name, render] of Object.entries(page.sections)) {
    generated = replaceSection(generated, name, render());
  }
  return { committed, generated };
}
