import type { Integration } from "@pcx/sdk/contract";
import type { EngineRun } from "./engine-run.js";
import { type ReviewDecision, reviewIntegration } from "./integrations.js";

/** Procountor's reviewer: the review queue of submitted definition versions. */
export function reviewerOperations(run: EngineRun) {
  return {
    /** Approves or requests changes to the latest version (which must be IN_REVIEW). */
    reviewIntegration(
      integrationId: number,
      decision: ReviewDecision,
      options: { comment?: string; version?: number } = {},
    ): Integration {
      return run((ctx) =>
        reviewIntegration(ctx, integrationId, decision, options.comment, options.version),
      );
    },
    /** Versions waiting for review, oldest first. */
    listInReview(): { integrationId: number; version: number; submittedAt: string }[] {
      return run((ctx) =>
        ctx.store.integrations.listInReview().map(({ integrationId, version, submittedAt }) => ({
          integrationId,
          version,
          submittedAt,
        })),
      );
    },
  };
}

export type ReviewerOperations = ReturnType<typeof reviewerOperations>;
