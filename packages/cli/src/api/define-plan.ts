import {
  type DefinitionChange,
  type DefinitionDiff,
  diffDefinitions,
  type IntegrationDefinition,
  isPcxError,
  PcxError,
} from "@pcx/sdk";
import type { Integration, ReviewState, WireDefinition } from "@pcx/sdk/contract";
import type { IntegrationRef } from "../profiles/resolve-connection.js";
import { fetchIntegration, type Session } from "./session.js";

/** The definition as sent (the contract's `WireDefinition`): the file without its editor-only `$schema`. */
export function toWire(definition: IntegrationDefinition): WireDefinition {
  const { $schema: _schema, ...wire } = definition;
  return wire;
}

/** What `pcx define` will do, shown before it asks (and the `plan` of its --json document). */
export interface DefinePlan {
  /** "create" a new integration, "update" it with a new version, or "none" (nothing changed). */
  action: "create" | "update" | "none";
  integrationId: number | null;
  /** Where the integration id came from: --integration, PCX_INTEGRATION_ID or the profile. */
  integrationSource: IntegrationRef["source"] | null;
  name: string;
  /** The version the changes are classified against: the published one, else the latest. */
  against: { version: number; reviewState: ReviewState; published: boolean } | null;
  /** The number the submitted version will get (latest + 1), or 1 for a new integration. */
  nextVersion: number | null;
  /** A version still in review or sent back that this submission replaces. */
  supersedes: { version: number; reviewState: ReviewState } | null;
  classification: DefinitionDiff["classification"];
  requiresCustomerUpdate: boolean;
  needsReview: boolean;
  changes: DefinitionChange[];
  /** Environments with the integration active that will see "Update required" once this version is approved. */
  environmentsToUpdate: number;
  /** The concurrent-activation limit the definition sets at once, when it differs from the current one. */
  limit: { current: number | null; next: number | null } | null;
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

async function countEnvironmentsToUpdate(session: Session, id: number): Promise<number> {
  let count = 0;
  for await (const activation of session.client.activations.list(id, { size: 200 })) {
    if (activation.status !== "REMOVED") count += 1;
  }
  return count;
}

/**
 * Fetches what is there and classifies the file's changes with
 * `diffDefinitions(published, file)`. Reads only: nothing is submitted here.
 */
export async function planDefine(
  session: Session,
  definition: IntegrationDefinition,
  options: { integration?: number; createNew?: boolean },
): Promise<{ plan: DefinePlan; integration: Integration | null }> {
  const wire = toWire(definition);
  const notes: string[] = [];
  let ref = session.integration(options.integration);
  let integration: Integration | null = null;
  if (ref && !options.createNew) {
    try {
      integration = await fetchIntegration(session, ref);
    } catch (error) {
      // A saved id from a sandbox that was restarted without --data: start afresh.
      if (!(ref.source === "profile" && isPcxError(error) && error.code === "pcx_not_found")) {
        throw error;
      }
      notes.push(
        `The saved integration ${ref.id} no longer exists at ${session.connection.baseUrl}; a new one will be created.`,
      );
      ref = undefined;
    }
  }

  if (!integration) {
    if (!options.createNew) {
      const sameName: number[] = [];
      for await (const existing of session.client.integrations.list({ size: 200 })) {
        if (existing.latest.definition.name === wire.name) sameName.push(existing.id);
      }
      if (sameName.length > 0) throw sameNameError(wire.name, sameName);
    }
    return {
      integration: null,
      plan: {
        action: "create",
        integrationId: null,
        integrationSource: null,
        name: wire.name,
        against: null,
        nextVersion: 1,
        supersedes: null,
        classification: "needs-review",
        requiresCustomerUpdate: false,
        needsReview: true,
        changes: [],
        environmentsToUpdate: 0,
        limit: null,
        notes,
      },
    };
  }

  const { latest, published } = integration;
  const compared = published ?? latest;
  const diff = diffDefinitions(compared.definition, wire);
  const unchanged = diffDefinitions(latest.definition, wire).changes.length === 0;
  const limitNext = wire.maxConcurrentActivations;
  const plan: DefinePlan = {
    action: unchanged ? "none" : "update",
    integrationId: integration.id,
    integrationSource: ref?.source ?? null,
    name: wire.name,
    against: {
      version: compared.version,
      reviewState: compared.reviewState,
      published: published !== null,
    },
    nextVersion: unchanged ? null : latest.version + 1,
    supersedes:
      !unchanged && latest.version !== published?.version
        ? { version: latest.version, reviewState: latest.reviewState }
        : null,
    classification: unchanged ? "none" : diff.classification,
    requiresCustomerUpdate: !unchanged && diff.requiresCustomerUpdate,
    needsReview: !unchanged && diff.needsReview,
    changes: unchanged ? [] : diff.changes,
    environmentsToUpdate: 0,
    limit:
      !unchanged && limitNext !== undefined && limitNext !== integration.maxConcurrentActivations
        ? { current: integration.maxConcurrentActivations, next: limitNext }
        : null,
    notes,
  };
  if (plan.requiresCustomerUpdate && published) {
    plan.environmentsToUpdate = await countEnvironmentsToUpdate(session, integration.id);
  }
  return { plan, integration };
}
