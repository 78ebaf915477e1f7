import { type IntegrationSummary, summarizeIntegration } from "@pcx/sdk";
import { explainMissingIntegration, withSession } from "../api/session.js";
import { defineCommand } from "../command.js";
import { withProgress } from "../io/progress.js";
import { reviewStateText } from "../render/plan.js";

export interface StatusInput {
  /** `--integration ID` (else PCX_INTEGRATION_ID, else the profile's). */
  integration?: number;
}

/** `pcx status --json`: the SDK's `IntegrationSummary`. */
export type StatusResult = IntegrationSummary;

function limitText(s: StatusResult): string {
  const live =
    s.maxConcurrentActivations === null
      ? "none"
      : `${s.maxConcurrentActivations} environments at once`;
  if (s.definitionLimit === null) return live;
  if (s.definitionLimit === s.maxConcurrentActivations) return `${live} (from the definition)`;
  return `${live} (the definition says ${s.definitionLimit}; the next pcx define puts it back)`;
}

/** `pcx status`: review state, versions, link, limit, activations and pending requests. */
export default defineCommand<StatusInput, StatusResult>({
  run(input, ctx) {
    return withSession(ctx, (session) => {
      const ref = session.requireIntegration(input.integration);
      return withProgress(ctx, "Fetching the integration's status", () =>
        explainMissingIntegration(session, ref, () => summarizeIntegration(session.client, ref.id)),
      );
    });
  },
  async render(s, ctx) {
    const paint = await ctx.out.paint();
    const stateColor =
      s.latest.reviewState === "APPROVED"
        ? paint.green
        : s.latest.reviewState === "CHANGES_REQUESTED"
          ? paint.red
          : paint.yellow;
    const lines = [
      `${paint.bold(`Integration ${s.integrationId}`)} "${s.name}"`,
      `  Latest version:    ${s.latest.version}, ${stateColor(reviewStateText(s.latest.reviewState))} (submitted ${s.latest.submittedAt})`,
    ];
    if (s.latest.reviewComment) lines.push(`  Reviewer comment:  ${s.latest.reviewComment}`);
    lines.push(
      `  Published version: ${s.published ? s.published.version : "none yet (customers cannot activate until a version is approved)"}`,
      `  Activation link:   ${s.activationLink ?? "none yet (comes with the first approval)"}`,
      `  Limit:             ${limitText(s)}`,
      `  Pending requests:  ${s.pendingRequests}`,
      "",
    );
    if (s.activations.total === 0) {
      lines.push("Activations: none yet.");
    } else {
      lines.push(`Activations (${s.activations.total}):`, "  version  status           count");
      for (const row of s.activations.byVersion) {
        lines.push(
          `  ${String(row.version).padEnd(7)}  ${row.status.padEnd(15)}  ${String(row.count).padStart(5)}`,
        );
      }
    }
    return lines.join("\n");
  },
});
