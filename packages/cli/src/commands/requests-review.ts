import { PcxError } from "@pcx/sdk";
import { withSession } from "../api/session.js";
import { defineCommand, type ExitCode } from "../command.js";
import { withProgress } from "../io/progress.js";
import { askCheckbox, askSelect, askText } from "../io/prompts.js";
import {
  type DecideResult,
  decideRequest,
  nothingApplied,
  refuseWithoutStore,
} from "../requests/decide-request.js";
import { renderDecision } from "../requests/render-decision.js";
import { reasonText } from "../requests/request-flags.js";
import { expiryText, requestView } from "../requests/request-view.js";

export interface ReviewInput {
  integration?: number;
  store?: string;
  showKeys: boolean;
}

/** The review's answer: the decision made, or none (no pending request). */
export type ReviewResult = { result: DecideResult | null };

function validReason(value: string): true | string {
  try {
    reasonText(value);
    return true;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * `pcx requests` on a terminal: pick a pending request, tick its
 * environments, approve or reject (asking the reason), decided through the
 * same path as `pcx requests approve/reject`. Without a terminal it refuses
 * (exit 2) and names the subcommands.
 */
export default defineCommand<ReviewInput, ReviewResult>({
  run(input, ctx) {
    if (!ctx.interactive) {
      throw new PcxError(
        "pcx_usage",
        "pcx requests without a subcommand is an interactive review, and this is not a terminal (or CI is set), so pcx will not prompt.",
        {
          hint: 'Use "pcx requests list --status pending", then "pcx requests approve ID" or "pcx requests reject ID --reason TEXT".',
        },
      );
    }
    return withSession(ctx, async (session) => {
      const ref = session.requireIntegration(input.integration);
      const pending = await withProgress(ctx, "Fetching pending activation requests", () =>
        session.client.activationRequests.list(ref.id, { status: "PENDING" }).toArray(),
      );
      if (pending.length === 0) {
        ctx.out.stderr(`No pending activation requests for integration ${ref.id}.`);
        return { result: null };
      }
      const now = new Date();
      const picked = await askSelect(
        "Which activation request?",
        pending.map((r) => {
          const view = requestView(r, now);
          return {
            value: String(r.id),
            name: `${r.id}  ${r.requestedBy.name}: ${r.environments.map((e) => e.name).join(", ")} (${expiryText(view)})`,
          };
        }),
      );
      const request = pending.find((r) => String(r.id) === picked);
      if (!request) throw new PcxError("pcx_usage", `No pending request ${picked}.`);
      const open = request.environments.filter((env) => env.status === "PENDING");
      const environments = await askCheckbox(
        "Which environments?",
        open.map((env) => ({
          value: String(env.companyId),
          name: `${env.name} (${env.companyId}, business id ${env.businessId})`,
        })),
        open.map((env) => String(env.companyId)),
      );
      const action = await askSelect<"approve" | "reject">("Decision?", [
        { value: "approve", name: "Approve (hands over the technical user's API key)" },
        { value: "reject", name: "Reject (with a reason the customer reads)" },
      ]);
      const decide = {
        environments: environments.map(Number),
        showKeys: input.showKeys,
        ...(input.store !== undefined ? { store: input.store } : {}),
      };
      if (action === "approve") refuseWithoutStore({ action, ...decide }, ctx);
      const reason =
        action === "reject"
          ? await askText({ message: "Reason (the customer reads it):", validate: validReason })
          : undefined;
      const result = await withProgress(ctx, `Deciding activation request ${request.id}`, () =>
        decideRequest(
          session.client,
          request,
          { action, ...decide, ...(reason !== undefined ? { reason } : {}) },
          ctx,
        ),
      );
      return { result };
    });
  },
  render(data) {
    return data.result ? renderDecision(data.result) : "";
  },
  toJson(data) {
    return data.result;
  },
  exitCode(data): ExitCode {
    return data.result && nothingApplied(data.result) ? 1 : 0;
  },
});
