import { withSession } from "../api/session.js";
import { defineCommand } from "../command.js";
import { withProgress } from "../io/progress.js";

export interface LimitsInput {
  action: "show" | "set";
  /** For `set`: the new limit, or null for none (`pcx limits set none`). Checked by cli.ts. */
  value?: number | null;
  /** `--integration ID` (else PCX_INTEGRATION_ID, else the profile's). */
  integration?: number;
}

export interface LimitsResult {
  integrationId: number;
  /** The limit now in force; null = no limit. */
  maxConcurrentActivations: number | null;
  /** For `set`: the limit before, and whether a call was needed. */
  previous?: number | null;
  changed?: boolean;
}

const show = (n: number | null | undefined) => (n === null || n === undefined ? "none" : String(n));

/**
 * `pcx limits show` · `pcx limits set N|none`: the concurrent-activation
 * limit (how many environments one activation may pick). Applies at once,
 * without review.
 */
export default defineCommand<LimitsInput, LimitsResult>({
  run(input, ctx) {
    return withSession(ctx, async (session) => {
      const { id } = session.requireIntegration(input.integration);
      const current = await withProgress(ctx, "Fetching the limit", () =>
        session.client.integrations.getLimits(id),
      );
      if (input.action === "show") {
        return { integrationId: id, maxConcurrentActivations: current.maxConcurrentActivations };
      }
      const next = input.value ?? null;
      if (next === current.maxConcurrentActivations) {
        return {
          integrationId: id,
          maxConcurrentActivations: next,
          previous: next,
          changed: false,
        };
      }
      const updated = await withProgress(ctx, "Setting the limit", () =>
        session.client.integrations.setLimits(id, next),
      );
      return {
        integrationId: id,
        maxConcurrentActivations: updated.maxConcurrentActivations,
        previous: current.maxConcurrentActivations,
        changed: true,
      };
    });
  },
  render(r) {
    const now = show(r.maxConcurrentActivations);
    if (r.changed === undefined) {
      return r.maxConcurrentActivations === null
        ? `Integration ${r.integrationId}: no concurrent-activation limit.`
        : `Integration ${r.integrationId}: at most ${now} environments per activation.`;
    }
    if (!r.changed)
      return `Integration ${r.integrationId}: the limit is already ${now}; nothing changed.`;
    return `✔ Integration ${r.integrationId}: limit ${show(r.previous)} → ${now}. Customers see it the next time they pick environments.`;
  },
});
