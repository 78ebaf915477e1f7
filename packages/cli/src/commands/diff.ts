import { diffDefinitions, type IntegrationDefinition, loadDefinition, PcxError } from "@pcx/sdk";
import type { ChalkInstance } from "chalk";
import type { CommandModule } from "../command.js";
import type { CliContext } from "../context.js";
import { displayPath } from "../render/display-path.js";
import { formatPath, plural } from "../render/issues.js";

export interface DiffInput {
  /** The new definition; default: pcx.integration.json, .yaml or .yml in the working directory. */
  file?: string;
  /** The definition to compare with; without it, the published one (see `DiffSources`). */
  against?: string;
  /** `--exit-code`: exit 1 when customers must accept an update. */
  exitCode?: boolean;
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
  loadPublished?: (ctx: CliContext) => Promise<ComparisonSource>;
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
        base = await sources.loadPublished!(ctx);
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
      for (const group of GROUPS) {
        const changes = result.changes.filter((c) => c.classification === group.classification);
        if (changes.length === 0) continue;
        lines.push(group.title(paint, changes.length));
        for (const change of changes) lines.push(...formatChange(change, paint));
        lines.push("");
      }
      lines.push(`${paint.bold("Result:")} ${SUMMARY[result.classification](paint)}`);
      return lines.join("\n");
    },
  };
}

/** Groups, most consequential first. */
const GROUPS: {
  classification: Change["classification"];
  title: (paint: ChalkInstance, count: number) => string;
}[] = [
  {
    classification: "customer-update-required",
    title: (p, n) => p.red.bold(`Customer update required (${n})`),
  },
  { classification: "needs-review", title: (p, n) => p.yellow.bold(`Needs review (${n})`) },
  { classification: "cosmetic", title: (p, n) => p.green.bold(`Cosmetic (${n})`) },
];

const SUMMARY: Record<Classification, (paint: ChalkInstance) => string> = {
  none: () => "no changes.",
  cosmetic: (p) => `${p.green("cosmetic")}: no review, customers need not do anything.`,
  "needs-review": (p) =>
    `${p.yellow("needs review")}: Procountor's integration team reviews the change; customers need not do anything.`,
  "customer-update-required": (p) =>
    `${p.red("customer update required")}: customers see "Update required" and keep the old rights until they accept.`,
};

const MARK: Record<Change["kind"], string> = { added: "+", removed: "-", changed: "~" };

function formatChange(change: Change, paint: ChalkInstance): string[] {
  const path = paint.bold(formatPath(change.path));
  let values = "";
  if (change.kind === "added") values = paint.green(show(change.after));
  else if (change.kind === "removed") values = paint.red(show(change.before));
  else values = `${paint.red(show(change.before))} → ${paint.green(show(change.after))}`;
  return [`  ${MARK[change.kind]} ${path}  ${values}`, `      ${paint.dim(change.reason)}`];
}

/** A value on one line: objects (an added right) as `key: value` pairs, long text shortened. */
function show(value: unknown): string {
  if (value === undefined) return "(none)";
  const text =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? Object.entries(value)
          .map(([key, v]) => `${key}: ${JSON.stringify(v)}`)
          .join(", ")
      : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

export default createDiffCommand();
