import type { ChalkInstance } from "chalk";
import type { DefinePlan } from "../api/define-plan.js";
import { CLASSIFICATION_SUMMARY, renderChanges } from "./changes.js";
import { plural } from "./issues.js";

const REVIEW_STATE_TEXT: Record<string, string> = {
  IN_REVIEW: "in review",
  APPROVED: "approved",
  CHANGES_REQUESTED: "changes requested",
};

export function reviewStateText(state: string): string {
  return REVIEW_STATE_TEXT[state] ?? state;
}

/** A concurrent-activation limit as words: `20`, or `none`. */
export function showLimit(limit: number | null | undefined): string {
  return limit === null || limit === undefined ? "none" : String(limit);
}

/**
 * The limit line of a plan, when the file declares one (the file owns the
 * limit then): the live value against the file's.
 */
function limitLine(plan: DefinePlan, paint: ChalkInstance): string | undefined {
  const limit = plan.limit;
  if (!limit) return undefined;
  if (plan.action === "create") {
    return `  Limit: ${limit.definition} environments at once, from the file.`;
  }
  if (!limit.changes) {
    return `  Limit: ${limit.definition} environments at once, as the file says (live value the same).`;
  }
  return `${paint.yellow("note:")} the concurrent-activation limit changes at once, without review: live ${showLimit(limit.live)} → the file's ${limit.definition}.`;
}

/** `pcx define`'s plan, as shown before it asks. */
export function renderPlan(
  plan: DefinePlan,
  file: string,
  technicalUser: { username: string; rights: { right: string; level: string }[] },
  paint: ChalkInstance,
): string {
  const lines: string[] = plan.notes.map((note) => `${paint.yellow("note:")} ${note}`);
  if (plan.action === "create") {
    lines.push(
      `${paint.bold("Plan:")} create integration ${paint.bold(`"${plan.name}"`)} from ${file}; version 1 goes to Procountor's review.`,
      `  Technical user ${technicalUser.username} with ${plural(technicalUser.rights.length, "right")}: ${technicalUser.rights
        .map((r) => `${r.right} (${r.level})`)
        .join(", ")}`,
    );
    const limit = limitLine(plan, paint);
    if (limit) lines.push(limit);
    return lines.join("\n");
  }
  const against = plan.against!;
  const base = against.published
    ? `published version ${against.version}`
    : `version ${against.version} (${reviewStateText(against.reviewState)}; nothing published yet)`;
  if (plan.action === "none" || plan.action === "set-limit") {
    lines.push(
      `${paint.bold("No changes:")} ${file} is the same as the latest version of integration ${plan.integrationId}; nothing to submit for review.`,
    );
    const limit = limitLine(plan, paint);
    if (limit) lines.push(limit);
    return lines.join("\n");
  }
  lines.push(
    `${paint.bold("Plan:")} submit version ${plan.nextVersion} of integration ${plan.integrationId} ${paint.bold(`"${plan.name}"`)} for review. Changes against ${base}:`,
    "",
  );
  if (plan.changes.length === 0) lines.push("  (none: the same as the published version)", "");
  lines.push(...renderChanges(plan.changes, paint));
  lines.push(`${paint.bold("Result:")} ${CLASSIFICATION_SUMMARY[plan.classification](paint)}`);
  if (plan.requiresCustomerUpdate) {
    const who = against.published
      ? `${plural(plan.environmentsToUpdate, "environment")} will see "Update required"`
      : `customers will have to accept the new rights`;
    lines.push(
      "",
      paint.red.bold(
        `⚠ Customers must accept an update: ${who} once Procountor approves version ${plan.nextVersion}.`,
      ),
      against.published
        ? `  Until they accept, they keep version ${against.version} and its rights.`
        : "  (Nothing is published yet, so no environment has it active.)",
    );
  }
  if (plan.supersedes) {
    lines.push(
      `${paint.yellow("note:")} version ${plan.supersedes.version} (${reviewStateText(plan.supersedes.reviewState)}) is replaced by this one.`,
    );
  }
  const limit = limitLine(plan, paint);
  if (limit) lines.push(limit);
  return lines.join("\n");
}
