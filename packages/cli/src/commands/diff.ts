import { type DefinitionDiff, diffDefinitions, loadDefinition, PcxError } from "@pcx/sdk";
import type { ComparisonSource } from "../api/published-definition.js";
import { defineCommand } from "../command.js";
import type { CliContext } from "../context.js";
import { CLASSIFICATION_SUMMARY, renderChanges } from "../render/changes.js";
import { displayPath } from "../render/display-path.js";
import { plural } from "../render/issues.js";

export interface DiffInput {
  /** The new definition; default: pcx.integration.json, .yaml or .yml in the working directory. */
  file?: string;
  /** The definition to compare with; without it, the published one. */
  against?: string;
  /** `--exit-code`: exit 1 when customers must accept an update. */
  exitCode?: boolean;
  /** `--integration`: the integration whose published definition to compare with (else PCX_INTEGRATION_ID, else the profile's). */
  integration?: number;
}

export interface DiffResult {
  file: string;
  /** The file compared with, or a label such as `published version 3 of integration 7`. */
  against: string;
  classification: DefinitionDiff["classification"];
  requiresCustomerUpdate: boolean;
  needsReview: boolean;
  changes: DefinitionDiff["changes"];
}

async function loadValid(file: string | undefined, ctx: CliContext, role: string) {
  const loaded = await loadDefinition(file, { cwd: ctx.cwd });
  const shown = displayPath(loaded.file, ctx.cwd);
  if (loaded.errors.length > 0 || !loaded.value) {
    throw new PcxError(
      "pcx_invalid_definition",
      `${role} ${shown} is not a valid definition (${plural(loaded.errors.length, "error")}).`,
      { hint: `Run "pcx validate ${shown}" to see and fix the problems.` },
    );
  }
  return { file: shown, definition: loaded.value };
}

/** The other side: the --against file, or the published definition (the API is loaded only then). */
async function comparisonSource(input: DiffInput, ctx: CliContext): Promise<ComparisonSource> {
  if (input.against !== undefined) {
    const loaded = await loadValid(input.against, ctx, "The --against definition");
    return { label: loaded.file, definition: loaded.definition };
  }
  const { loadPublishedDefinition } = await import("../api/published-definition.js");
  return loadPublishedDefinition(ctx, input.integration);
}

/**
 * `pcx diff [FILE] [--against OTHER]`: classifies every change of FILE
 * against OTHER, or against the published definition.
 */
export default defineCommand<DiffInput, DiffResult>({
  async run(input, ctx) {
    const next = await loadValid(input.file, ctx, "The definition");
    const base = await comparisonSource(input, ctx);
    const diff = diffDefinitions(base.definition, next.definition);
    return {
      file: next.file,
      against: base.label,
      classification: diff.classification,
      requiresCustomerUpdate: diff.requiresCustomerUpdate,
      needsReview: diff.needsReview,
      changes: diff.changes,
    };
  },

  exitCode: (result, input) => (input.exitCode === true && result.requiresCustomerUpdate ? 1 : 0),

  async render(result, ctx) {
    const paint = await ctx.out.paint();
    const lines = [`Comparing ${paint.bold(result.file)} with ${paint.bold(result.against)}`, ""];
    if (result.changes.length === 0) {
      lines.push("No changes.");
      return lines.join("\n");
    }
    lines.push(...renderChanges(result.changes, paint));
    lines.push(`${paint.bold("Result:")} ${CLASSIFICATION_SUMMARY[result.classification](paint)}`);
    return lines.join("\n");
  },
});
