import type { WireDefinition } from "@pcx/sdk/contract";
import type { CliContext } from "../context.js";
import { withProgress } from "../io/progress.js";
import { fetchIntegration, withSession } from "./session.js";

/** A definition to compare with, from somewhere other than a local file, and how to name it. */
export interface ComparisonSource {
  label: string;
  definition: WireDefinition;
}

/**
 * What `pcx diff` without --against compares with: the published (newest
 * approved) definition; while nothing is approved yet, the latest submitted
 * version, labelled so.
 */
export async function loadPublishedDefinition(
  ctx: CliContext,
  integrationFlag: number | undefined,
): Promise<ComparisonSource> {
  return withSession(ctx, async (session) => {
    const ref = session.requireIntegration(integrationFlag);
    const integration = await withProgress(ctx, `Fetching integration ${ref.id}`, () =>
      fetchIntegration(session, ref),
    );
    const version = integration.published ?? integration.latest;
    const label = integration.published
      ? `published version ${version.version} of integration ${integration.id}`
      : `version ${version.version} of integration ${integration.id} (${version.reviewState}; nothing published yet)`;
    return { label, definition: version.definition };
  });
}
