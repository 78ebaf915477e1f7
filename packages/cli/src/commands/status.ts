import type { ActivationStatus, ReviewState } from "@pcx/sdk/contract";
import { fetchIntegration, withSession } from "../api/session.js";
import { defineCommand } from "../command.js";
import { withProgress } from "../io/progress.js";
import { reviewStateText } from "../render/plan.js";

export interface StatusInput {
  /** `--integration ID` (else PCX_INTEGRATION_ID, else the profile's). */
  integration?: number;
}

export interface StatusResult {
  integrationId: number;
  name: string;
  latest: {
    version: number;
    reviewState: ReviewState;
    reviewComment: string | null;
    submittedAt: string;
    reviewedAt: string | null;
  };
  published: { version: number; reviewedAt: string | null } | null;
  activationLink: string | null;
  maxConcurrentActivations: number | null;
  activations: {
    total: number;
    /** One row per version and status, newest version first. */
    byVersion: { version: number; status: ActivationStatus; count: number }[];
  };
  pendingRequests: number;
}

const STATUS_ORDER: ActivationStatus[] = ["ACTIVE", "UPDATE_REQUIRED", "REMOVED"];

/** `pcx status`: review state, versions, link, limit, activations and pending requests. */
export default defineCommand<StatusInput, StatusResult>({
  run(input, ctx) {
    return withSession(ctx, (session) =>
      withProgress(ctx, "Fetching the integration's status", async () => {
        const ref = session.requireIntegration(input.integration);
        const integration = await fetchIntegration(session, ref);
        const counts = new Map<
          string,
          { version: number; status: ActivationStatus; count: number }
        >();
        let total = 0;
        for await (const a of session.client.activations.list(integration.id, { size: 200 })) {
          const key = `${a.version}:${a.status}`;
          const row = counts.get(key) ?? { version: a.version, status: a.status, count: 0 };
          row.count += 1;
          counts.set(key, row);
          total += 1;
        }
        const pending = await session.client.activationRequests.listPage(integration.id, {
          status: "PENDING",
          size: 1,
        });
        const { latest, published } = integration;
        return {
          integrationId: integration.id,
          name: latest.definition.name,
          latest: {
            version: latest.version,
            reviewState: latest.reviewState,
            reviewComment: latest.reviewComment,
            submittedAt: latest.submittedAt,
            reviewedAt: latest.reviewedAt,
          },
          published: published
            ? { version: published.version, reviewedAt: published.reviewedAt }
            : null,
          activationLink: integration.activationLink,
          maxConcurrentActivations: integration.maxConcurrentActivations,
          activations: {
            total,
            byVersion: [...counts.values()].sort(
              (a, b) =>
                b.version - a.version ||
                STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
            ),
          },
          pendingRequests: pending.meta.totalCount,
        };
      }),
    );
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
      `  Limit:             ${s.maxConcurrentActivations === null ? "none" : `${s.maxConcurrentActivations} environments at once`}`,
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
