import { diffDefinitions, type IntegrationDefinition, loadDefinition, PcxError } from "@pcx/sdk";
import type { CommandModule } from "../command.js";
import type { CliContext } from "../context.js";
import { CLASSIFICATION_SUMMARY, renderChanges } from "../render/changes.js";
import { displayPath } from "../render/display-path.js";
import { plural } from "../render/issues.js";

export interface DiffInput {
  /** The new definition; default: pcx.integration.json, .yaml or .yml in the working directory. */
  file?: string;
  /** The definition to compare with; without it, the published one (see `DiffSources`). */
  against?: string;
  /** `--exit-code`: exit 1 when customers must accept an update. */
  exitCode?: boolean;
  /** `--integration`: the integration whose published definition to compare with (else PCX_INTEGRATION_ID, else the profile's). */
  integration?: number;
}

type DefinitionDiff = ReturnType<typeof diffDefinitions>;
type Change = DefinitionDiff["changes"][number];
type Classification = DefinitionDiff["classification"];

export interface DiffResult {
  file: string;
  /** The file compared with, or a label such as `published (version 3)`. */
  against: string;
  classification: Classification;
  requiresCustomerUpdate: boolean;
  needsReview: boolean;
  changes: Change[];
}

/** A definition to compare with, from somewhere other than a local file. */
export interface ComparisonSource {
  label: string;
  definition: IntegrationDefinition;
}

/**
 * Where `pcx diff` gets the definition to compare with when `--against` is
 * not given. The login/define task plugs in `loadPublished` (fetch the
 * published definition with the profile's credentials).
 */
export interface DiffSources {
  loadPublished?: (ctx: CliContext, input: DiffInput) => Promise<ComparisonSource>;
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

export function createDiffCommand(sources: DiffSources = {}): CommandModule<DiffInput, DiffResult> {
  return {
    async run(input, ctx) {
      if (input.against === undefined && !sources.loadPublished) {
        throw new PcxError(
          "pcx_usage",
          "Comparing with the published definition is not available yet; pass --against FILE.",
          {
            hint: "Comparison with the published definition comes with `pcx login` and `pcx define`. For now: pcx diff FILE --against OLD_FILE.",
          },
        );
      }
      const next = await loadValid(input.file, ctx, "The definition");
      let base: ComparisonSource;
      if (input.against !== undefined) {
        const loaded = await loadValid(input.against, ctx, "The --against definition");
        base = { label: loaded.file, definition: loaded.definition };
      } else {
        base = await sources.loadPublished!(ctx, input);
      }
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
      lines.push(
        `${paint.bold("Result:")} ${CLASSIFICATION_SUMMARY[result.classification](paint)}`,
      );
      return lines.join("\n");
    },
  };
}

/** The published definition, fetched with the profile's credentials (loaded only when needed). */
async function loadPublished(ctx: CliContext, input: DiffInput): Promise<ComparisonSource> {
  const { loadPublishedDefinition } = await import("../api/published-definition.js");
  return loadPublishedDefinition(ctx, input.integration);
}

export default createDiffCommand({ loadPublished });
