import { explainMissingIntegration, withSession } from "../api/session.js";
import { defineCommand } from "../command.js";
import { withProgress } from "../io/progress.js";
import { showLimit } from "../render/plan.js";

export interface LimitsInput {
  action: "show" | "set";
  /** For `set`: the new limit, or null for none (`pcx limits set none`). Checked when parsed. */
  value?: number | null;
  /** `--integration ID` (else PCX_INTEGRATION_ID, else the profile's). */
  integration?: number;
}

export interface LimitsResult {
  integrationId: number;
  /** The limit now in force; null = no limit. */
  maxConcurrentActivations: number | null;
  /**
   * The limit the integration's latest definition declares (the file owns the
   * limit then, and the next `pcx define` puts it back); null when it declares none.
   */
  definitionLimit: number | null;
  /** For `set`: the limit before, and whether a call was needed. */
  previous?: number | null;
  changed?: boolean;
}

/** The warning of `limits set` when the definition owns the limit and says otherwise. */
export function ownedLimitWarning(r: LimitsResult): string | undefined {
  if (r.definitionLimit === null || r.definitionLimit === r.maxConcurrentActivations) {
    return undefined;
  }
  return `warning: the definition of integration ${r.integrationId} declares maxConcurrentActivations: ${r.definitionLimit}, so the next pcx define puts ${r.definitionLimit} back. To manage the limit with pcx limits set alone, remove maxConcurrentActivations from the definition file (and run pcx define once). See pcx help limits.`;
}

/**
 * `pcx limits show` · `pcx limits set N|none`: the concurrent-activation
 * limit (how many environments one activation may pick). Applies at once,
 * without review. When the definition declares the limit, it owns it: `set`
 * still sets it, and warns that the next `pcx define` puts the file's back.
 */
export default defineCommand<LimitsInput, LimitsResult>({
  run(input, ctx) {
    return withSession(ctx, async (session) => {
      const ref = session.requireIntegration(input.integration);
      const { id } = ref;
      const integration = await withProgress(ctx, "Fetching the limit", () =>
        explainMissingIntegration(session, ref, () => session.client.integrations.get(id)),
      );
      const current = integration.maxConcurrentActivations;
      const definitionLimit = integration.latest.definition.maxConcurrentActivations ?? null;
      if (input.action === "show") {
        return { integrationId: id, maxConcurrentActivations: current, definitionLimit };
      }
      const next = input.value ?? null;
      let result: LimitsResult;
      if (next === current) {
        result = {
          integrationId: id,
          maxConcurrentActivations: next,
          definitionLimit,
          previous: current,
          changed: false,
        };
      } else {
        const updated = await withProgress(ctx, "Setting the limit", () =>
          session.client.integrations.setLimits(id, next),
        );
        result = {
          integrationId: id,
          maxConcurrentActivations: updated.maxConcurrentActivations,
          definitionLimit,
          previous: current,
          changed: true,
        };
      }
      const warning = ownedLimitWarning(result);
      if (warning) ctx.out.stderr(warning);
      return result;
    });
  },
  render(r) {
    const now = showLimit(r.maxConcurrentActivations);
    const owner =
      r.definitionLimit === null
        ? ""
        : r.definitionLimit === r.maxConcurrentActivations
          ? " (from the definition)"
          : ` (the definition says ${r.definitionLimit}; the next pcx define puts it back)`;
    if (r.changed === undefined) {
      return r.maxConcurrentActivations === null
        ? `Integration ${r.integrationId}: no concurrent-activation limit${owner}.`
        : `Integration ${r.integrationId}: at most ${now} environments per activation${owner}.`;
    }
    if (!r.changed)
      return `Integration ${r.integrationId}: the limit is already ${now}; nothing changed.`;
    return `✔ Integration ${r.integrationId}: limit ${showLimit(r.previous)} → ${now}. Customers see it the next time they pick environments.`;
  },
});
