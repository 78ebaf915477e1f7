import { PcxError } from "@pcx/sdk";
import type { Activation, ActivationStatus } from "@pcx/sdk/contract";
import { withSession } from "../api/session.js";
import { defineCommand } from "../command.js";
import { withProgress } from "../io/progress.js";
import { askConfirm } from "../io/prompts.js";

export type ActivationsInput =
  | { action: "list"; status?: ActivationStatus; integration?: number }
  | { action: "remove"; companyId: number; integration?: number };

export type ActivationsResult =
  | { kind: "list"; integrationId: number; activations: Activation[] }
  | { kind: "remove"; integrationId: number; activation: Activation; changed: boolean };

function table(activations: readonly Activation[]): string {
  if (activations.length === 0) return "No activations.";
  const head = ["company", "name", "business id", "version", "status", "technical user"];
  const rows = activations.map((a) => [
    String(a.companyId),
    a.companyName,
    a.businessId,
    String(a.version),
    a.status,
    a.technicalUsername,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line)].join("\n");
}

/**
 * `pcx activations list [--status]` · `pcx activations remove COMPANY_ID`:
 * the integration's standing per environment, and deactivation by the
 * integrator (asks first unless --yes; without a terminal --yes is required).
 */
export default defineCommand<ActivationsInput, ActivationsResult>({
  run(input, ctx) {
    return withSession(ctx, async (session) => {
      const { id } = session.requireIntegration(input.integration);
      const all = await withProgress(ctx, "Fetching activations", () =>
        session.client.activations
          .list(id, input.action === "list" && input.status ? { status: input.status } : {})
          .toArray(),
      );
      if (input.action === "list") return { kind: "list", integrationId: id, activations: all };
      const current = all.find((a) => a.companyId === input.companyId);
      if (!current) {
        throw new PcxError(
          "pcx_usage",
          `COMPANY_ID ${input.companyId}: integration ${id} has no activation in that environment.`,
          { hint: `Run "pcx activations list" for the environments it is active in.` },
        );
      }
      if (current.status === "REMOVED") {
        return { kind: "remove", integrationId: id, activation: current, changed: false };
      }
      if (!ctx.yes) {
        if (!ctx.interactive) {
          throw new PcxError(
            "pcx_usage",
            `Removing integration ${id} from ${current.companyName} (${current.companyId}) needs a confirmation, and this is not a terminal.`,
            { hint: "Add --yes to confirm." },
          );
        }
        const sure = await askConfirm(
          `Remove integration ${id} from ${current.companyName} (${current.companyId})? Its technical user's API key stops working.`,
        );
        if (!sure) throw new PcxError("pcx_usage", "Cancelled; nothing was removed.");
      }
      const activation = await withProgress(ctx, "Removing the activation", () =>
        session.client.activations.deactivate(id, input.companyId),
      );
      return { kind: "remove", integrationId: id, activation, changed: true };
    });
  },
  render(data) {
    if (data.kind === "list") return table(data.activations);
    const a = data.activation;
    return data.changed
      ? `✔ Integration ${data.integrationId} removed from ${a.companyName} (${a.companyId}); its technical user's API key no longer works.`
      : `Integration ${data.integrationId} was already removed from ${a.companyName} (${a.companyId}); nothing changed.`;
  },
  toJson(data) {
    return data.kind === "list"
      ? { integrationId: data.integrationId, activations: data.activations }
      : { integrationId: data.integrationId, activation: data.activation, changed: data.changed };
  },
});
