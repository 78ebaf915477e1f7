import { type IntegrationDefinition, PcxError, type PublishPlan, planPublish } from "@pcx/sdk";
import type { IntegrationRef } from "../profiles/resolve-connection.js";
import { explainMissingIntegration, type Session } from "./session.js";

/** `pcx define`'s plan: the SDK's `PublishPlan`, with where the integration id came from and notes. */
export interface DefinePlan extends PublishPlan {
  /** Where the integration id came from: --integration, PCX_INTEGRATION_ID or the profile; null when creating. */
  integrationSource: IntegrationRef["source"] | null;
  /** Things worth knowing that are not changes (e.g. a saved integration id that no longer exists). */
  notes: string[];
}

function sameNameError(name: string, ids: number[]): PcxError {
  const first = ids[0];
  return new PcxError(
    "pcx_usage",
    `This API client already has ${ids.length === 1 ? "an integration" : `${ids.length} integrations`} named "${name}" (id ${ids.join(", ")}), and pcx does not know which integration to update.`,
    {
      hint: `Pass --integration ${first} (PCX_INTEGRATION_ID=${first} in CI) to publish a new version of it, or --new to create another integration.`,
      details: { integrationIds: ids },
    },
  );
}

/**
 * The SDK's `planPublish` for the integration this run acts on. A saved id
 * that no longer exists (a sandbox restarted without --data) plans a new
 * integration, with a note; an id from --integration or PCX_INTEGRATION_ID
 * must exist. Creating a second integration with the same name needs --new.
 */
export async function planDefine(
  session: Session,
  definition: IntegrationDefinition,
  options: { integration?: number; createNew?: boolean },
): Promise<DefinePlan> {
  const ref = options.createNew ? undefined : session.integration(options.integration);
  const plan = await (ref
    ? explainMissingIntegration(session, ref, () =>
        planPublish(session.client, definition, {
          integrationId: ref.id,
          ifMissing: ref.source === "profile" ? "create" : "error",
        }),
      )
    : planPublish(session.client, definition, { createNew: options.createNew === true }));
  if (plan.sameName.length > 0) throw sameNameError(plan.name, plan.sameName);
  const notes =
    plan.missingIntegrationId === null
      ? []
      : [
          `The saved integration ${plan.missingIntegrationId} no longer exists at ${session.connection.baseUrl}; a new one will be created.`,
        ];
  return {
    ...plan,
    integrationSource: plan.action === "create" ? null : (ref?.source ?? null),
    notes,
  };
}
