import {
  type ChangeClass,
  change,
  type DefinitionChange,
  type DefinitionDiff,
  isObject,
  type Loose,
  same,
} from "./definition-change.js";
import { diffRights } from "./diff-rights.js";
import type { IntegrationDefinitionInput } from "./integration-definition-schema.js";

const RANK: Record<ChangeClass | "none", number> = {
  none: 0,
  cosmetic: 1,
  "needs-review": 2,
  "customer-update-required": 3,
};

/** Classification and reason of each plain field. Rights are handled on their own. */
const FIELD_RULES: readonly { path: string; classification: ChangeClass; reason: string }[] = [
  {
    path: "name",
    classification: "needs-review",
    reason: "Customers see the name when they activate; Procountor reviews it.",
  },
  {
    path: "description",
    classification: "cosmetic",
    reason: "Descriptive text only: it does not change what the integration can do.",
  },
  {
    path: "longDescription",
    classification: "cosmetic",
    reason: "Descriptive text only: it does not change what the integration can do.",
  },
  { path: "logoUrl", classification: "cosmetic", reason: "The logo is presentation only." },
  {
    path: "links.privacyPolicy",
    classification: "needs-review",
    reason: "Customers rely on the privacy policy; Procountor reviews the links it shows.",
  },
  {
    path: "links.termsOfService",
    classification: "needs-review",
    reason: "Customers rely on the terms of service; Procountor reviews the links it shows.",
  },
  {
    path: "links.support",
    classification: "needs-review",
    reason: "Procountor reviews the support link it shows to customers.",
  },
  {
    path: "callbackUrl",
    classification: "needs-review",
    reason:
      "Procountor sends customers to this URL to finish activation; it reviews where they go.",
  },
  {
    path: "billing",
    classification: "needs-review",
    reason: "Changes who is billed the API monthly fee; Procountor reviews it.",
  },
  {
    path: "maxConcurrentActivations",
    classification: "cosmetic",
    reason:
      "Limits apply without review (like `pcx limits set`); customers see the new cap next time they activate.",
  },
  {
    path: "technicalUser.username",
    classification: "customer-update-required",
    reason:
      "Customers accepted a technical user by this name; a new username is a different user in their environments, so they must accept the update.",
  },
  {
    path: "technicalUser.displayName",
    classification: "cosmetic",
    reason: "The display name is presentation only; the username and rights stay the same.",
  },
];

// `$schema` is editor-only and never sent to Procountor: not a change of the definition.
const KNOWN_ROOT = new Set([
  "$schema",
  "links",
  "technicalUser",
  ...FIELD_RULES.map((r) => r.path),
]);
const KNOWN_USER = new Set(["username", "displayName", "rights"]);
const KNOWN_LINKS = new Set(["privacyPolicy", "termsOfService", "support"]);

function at(definition: Loose, path: string): unknown {
  let current: unknown = definition;
  for (const key of path.split(".")) current = isObject(current) ? current[key] : undefined;
  return current;
}

/** Values as compared: strings trimmed (the schema trims them), billing defaulted. */
export function normal(path: string, value: unknown): unknown {
  if (path === "billing" && value === undefined) return "environment";
  return typeof value === "string" ? value.trim() : value;
}

/** Fields pcx does not know: any change needs review, to be safe. */
function diffUnknown(a: Loose, b: Loose, prefix: string, known: Set<string>): DefinitionChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !known.has(k));
  return keys
    .filter((k) => !same(a[k], b[k]))
    .map((k) =>
      change(
        `${prefix}${k}`,
        a[k],
        b[k],
        "needs-review",
        `"${prefix}${k}" is not a field pcx knows; a change to it is treated as needing review.`,
      ),
    );
}

/**
 * Compares two definitions (`a` the old one, `b` the new one) and classifies
 * each change by what it asks of Procountor and customers. Rights are matched
 * by key, so reordering them is no change. Rules (docs/definition.md "Diff
 * classification"): a right added or raised from view to all, or a new
 * technical-user username, requires a customer update; a right removed or
 * lowered, a changed purpose, name, callbackUrl, link or billing needs review;
 * descriptions, logo, display name and maxConcurrentActivations are cosmetic;
 * `$schema` (editor-only) is ignored. Meant for valid definitions; never throws on others.
 */
export function diffDefinitions(
  a: IntegrationDefinitionInput,
  b: IntegrationDefinitionInput,
): DefinitionDiff {
  const left = (isObject(a) ? a : {}) as Loose;
  const right = (isObject(b) ? b : {}) as Loose;
  const changes: DefinitionChange[] = [];
  for (const rule of FIELD_RULES) {
    const before = normal(rule.path, at(left, rule.path));
    const after = normal(rule.path, at(right, rule.path));
    if (!same(before, after))
      changes.push(change(rule.path, before, after, rule.classification, rule.reason));
  }
  changes.push(...diffRights(left, right));
  const links = (d: Loose) => (isObject(d.links) ? d.links : {});
  const user = (d: Loose) => (isObject(d.technicalUser) ? d.technicalUser : {});
  changes.push(
    ...diffUnknown(left, right, "", KNOWN_ROOT),
    ...diffUnknown(links(left), links(right), "links.", KNOWN_LINKS),
    ...diffUnknown(user(left), user(right), "technicalUser.", KNOWN_USER),
  );
  const classification = changes.reduce<ChangeClass | "none">(
    (strongest, c) => (RANK[c.classification] > RANK[strongest] ? c.classification : strongest),
    "none",
  );
  return {
    changes,
    classification,
    requiresCustomerUpdate: classification === "customer-update-required",
    needsReview: RANK[classification] >= RANK["needs-review"],
  };
}
