import type { ReviewState } from "../contract/index.js";
import type { DefinitionChange, DefinitionDiff } from "../definition/index.js";

/**
 * What publishing a definition does:
 * - `"create"`: a new integration, version 1 goes to review;
 * - `"update"`: a new version goes to review (the published one stays until approved);
 * - `"set-limit"`: the definition is the latest version already, but the
 *   definition's `maxConcurrentActivations` differs from the live limit, which
 *   is set at once, without review;
 * - `"none"`: nothing to do.
 */
export type PublishAction = "create" | "update" | "set-limit" | "none";

/**
 * The concurrent-activation limit when the definition declares
 * `maxConcurrentActivations`: the definition owns the limit then, and
 * publishing puts its value in force. (A definition without the field never
 * touches the limit: the plan's `limit` is null.)
 */
export interface PublishLimit {
  /** The limit in force now; null = no limit (or no integration yet). */
  live: number | null;
  /** The definition's `maxConcurrentActivations`, which publishing applies. */
  definition: number;
  /** True when publishing changes the live limit. */
  changes: boolean;
}

/** What `planPublish` found; nothing is sent until `applyPublishPlan`. */
export interface PublishPlan {
  action: PublishAction;
  /** The integration updated; null when one is created. */
  integrationId: number | null;
  /** The definition's name. */
  name: string;
  /** The version the changes are classified against: the published one, else the latest. Null when creating. */
  against: { version: number; reviewState: ReviewState; published: boolean } | null;
  /** The number the submitted version gets (latest + 1; 1 for a new integration); null when no version is submitted. */
  nextVersion: number | null;
  /** A version still in review or sent back that this submission replaces. */
  supersedes: { version: number; reviewState: ReviewState } | null;
  /** The overall classification of `changes` ("none" when no version is submitted). */
  classification: DefinitionDiff["classification"];
  requiresCustomerUpdate: boolean;
  needsReview: boolean;
  /** Every change against `against`, classified (empty when creating or when nothing changed). */
  changes: DefinitionChange[];
  /** Environments with the integration active that will see "Update required" once the new version is approved. */
  environmentsToUpdate: number;
  /** The limit when the definition declares one; null when it does not (publishing leaves the limit alone). */
  limit: PublishLimit | null;
  /**
   * When creating without `createNew`: the ids of this API client's
   * integrations that already have the definition's name. Creating another
   * is rarely meant; the caller decides (the CLI refuses).
   */
  sameName: number[];
  /** The `integrationId` asked for that does not exist (only with `ifMissing: "create"`); a new integration is planned instead. */
  missingIntegrationId: number | null;
}
