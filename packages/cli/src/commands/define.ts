import {
  applyPublishPlan,
  type DefinitionIssue,
  loadDefinition,
  PcxError,
  type PublishOutcome,
} from "@pcx/sdk";
import { type DefinePlan, planDefine } from "../api/define-plan.js";
import { withSession } from "../api/session.js";
import { defineCommand } from "../command.js";
import { withProgress } from "../io/progress.js";
import { askConfirm } from "../io/prompts.js";
import { terminalSafe } from "../io/terminal-safe.js";
import { displayPath } from "../render/display-path.js";
import { formatIssue, plural } from "../render/issues.js";
import { renderPlan, reviewStateText, showLimit } from "../render/plan.js";

export interface DefineInput {
  /** The definition file; default pcx.integration.json, .yaml or .yml. */
  file?: string;
  /** `--dry-run`: show the plan and stop. */
  dryRun?: boolean;
  /** `--integration ID`: the integration to update (else PCX_INTEGRATION_ID, else the profile's). */
  integration?: number;
  /** `--new`: create a new integration even if one is known or one has the same name. */
  createNew?: boolean;
}

export interface DefineResult {
  file: string;
  valid: boolean;
  errors: DefinitionIssue[];
  warnings: DefinitionIssue[];
  dryRun: boolean;
  /** True when a version was submitted. */
  applied: boolean;
  /** True when the user answered no. */
  declined: boolean;
  plan: DefinePlan | null;
  /** The integration afterwards, when `applied`. */
  result: PublishOutcome | null;
}

const QUESTION: Record<"create" | "update" | "set-limit", (plan: DefinePlan) => string> = {
  create: (plan) => `Create "${plan.name}" and submit it for review?`,
  update: (plan) => `Submit version ${plan.nextVersion} for review?`,
  "set-limit": (plan) =>
    `Set the concurrent-activation limit to the file's ${plan.limit?.definition}?`,
};

const PROGRESS: Record<"create" | "update" | "set-limit", string> = {
  create: "Creating the integration",
  update: "Submitting the new version",
  "set-limit": "Setting the limit",
};

/**
 * `pcx define [FILE]`: validate → plan (the SDK's `planPublish`, classified
 * against the published version) → confirm → apply (`applyPublishPlan`) →
 * review state. Nothing is sent without --yes or a "yes" at the prompt, nor
 * when nothing changed. A limit the file declares is put in force (the file
 * owns it); a file without one leaves the limit alone.
 */
export default defineCommand<DefineInput, DefineResult>({
  async run(input, ctx) {
    const loaded = await loadDefinition(input.file, { cwd: ctx.cwd });
    const file = displayPath(loaded.file, ctx.cwd);
    const data: DefineResult = {
      file,
      valid: loaded.errors.length === 0 && loaded.value !== undefined,
      errors: loaded.errors,
      warnings: loaded.warnings,
      dryRun: input.dryRun === true,
      applied: false,
      declined: false,
      plan: null,
      result: null,
    };
    if (!data.valid || !loaded.value) return data;
    const definition = loaded.value;
    const paint = await ctx.out.paint(ctx.json ? "stderr" : "stdout");
    if (!ctx.json) {
      for (const warning of terminalSafe(loaded.warnings))
        ctx.out.stderr(formatIssue(file, warning, paint));
    }

    return withSession(ctx, async (session) => {
      const plan = await withProgress(ctx, "Checking what is published", () =>
        planDefine(session, definition, input),
      );
      data.plan = plan;
      const willAsk = plan.action !== "none" && !data.dryRun && !ctx.yes && ctx.interactive;
      // The plan is the human output; under --json it is in the document, and on stderr only before a question.
      if (!ctx.json || willAsk)
        ctx.out.stdout(renderPlan(terminalSafe(plan), file, definition.technicalUser, paint));
      const action = plan.action;
      if (action === "none" || data.dryRun) return data;

      if (!ctx.yes) {
        if (!ctx.interactive) {
          throw new PcxError(
            "pcx_usage",
            "pcx define needs a confirmation before it submits, and cannot ask here (no terminal).",
            {
              hint: "Pass --yes to submit without asking (CI), or --dry-run to only see the plan.",
            },
          );
        }
        if (!(await askConfirm(QUESTION[action](plan), !plan.requiresCustomerUpdate))) {
          data.declined = true;
          return data;
        }
      }

      const outcome = await withProgress(ctx, PROGRESS[action], () =>
        applyPublishPlan(session.client, definition, plan),
      );
      if (outcome && action === "create") session.saveIntegration(outcome.integrationId);
      data.applied = outcome !== null;
      data.result = outcome;
      return data;
    });
  },
  exitCode: (data) => (data.valid ? 0 : 1),
  toJson: (data) =>
    data.valid
      ? data
      : { file: data.file, valid: false, errors: data.errors, warnings: data.warnings },
  async render(data, ctx) {
    const paint = await ctx.out.paint();
    if (!data.valid) {
      const lines = [...data.errors, ...data.warnings].map((i) => formatIssue(data.file, i, paint));
      lines.push(
        "",
        `${paint.red("✖")} ${data.file}: ${plural(data.errors.length, "error")}; nothing was submitted.`,
      );
      return lines.join("\n");
    }
    if (data.declined) return "Nothing submitted.";
    if (data.dryRun && data.plan?.action !== "none") {
      return paint.dim("\nDry run: nothing submitted. Run without --dry-run to submit.");
    }
    const r = data.result;
    if (!r) return "";
    if (data.plan?.action === "set-limit") {
      return `\n${paint.green("✔")} Integration ${r.integrationId}: the limit is the file's ${showLimit(r.maxConcurrentActivations)} again (at once, without review).`;
    }
    const created = data.plan?.action === "create";
    const lines = [
      "",
      `${paint.green("✔")} ${created ? `Created integration ${r.integrationId}` : `Submitted version ${r.version} of integration ${r.integrationId}`}: ${paint.bold(reviewStateText(r.reviewState))}.`,
    ];
    if (r.reviewState === "IN_REVIEW") {
      lines.push(
        r.publishedVersion === null
          ? "  Procountor's integration team reviews it; the activation link comes with the approval."
          : `  Customers keep version ${r.publishedVersion} until Procountor approves this one.`,
      );
    }
    if (r.reviewComment) lines.push(`  Reviewer: ${r.reviewComment}`);
    lines.push(`  Next: pcx status${r.activationLink ? " · pcx link" : ""}`);
    return lines.join("\n");
  },
});
