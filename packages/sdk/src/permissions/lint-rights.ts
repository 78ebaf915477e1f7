import type { DefinitionIssue } from "../definition/definition-issue.js";
import { formatPath } from "../definition/issue-path.js";
import { docsUrl } from "../docs/docs-url.js";
import { getRight, suggestRight } from "./find-right.js";
import { HIGH_RISK_PURPOSES, purposeJustifies, readOnlyVerb } from "./purpose-heuristics.js";

/**
 * A rights entry as `lintRights` reads it. Fields may be missing or of the
 * wrong type (the lint runs on unvalidated input too); such entries are skipped
 * by the rules that need the field.
 */
export interface RightEntryLike {
  right?: unknown;
  level?: unknown;
  purpose?: unknown;
}

/**
 * Least-privilege lint of a technical user's rights. Returns warnings only
 * (severity "warning"), with paths `technicalUser.rights[i].<field>`:
 *
 * - `unknown_right` (path `.right`): the key is not in `RIGHTS_CATALOGUE`;
 *   suggests the closest key or English/Finnish label. Allowed, because
 *   Procountor's public catalogue is incomplete.
 * - `high_risk_right` (path `.purpose`): a high-risk right (payments, salaries,
 *   company-info, user-management, audit-log) whose purpose mentions none of
 *   the words that say what it is for (`HIGH_RISK_PURPOSES`).
 * - `level_too_broad` (path `.level`): level `all` but the purpose only reads
 *   (a read verb such as "looks up" / "hakee" and no write verb); suggests `view`.
 *   Not for rights whose catalogue entry suggests `all` (the audit log).
 * - `level_too_narrow` (path `.level`): a level below the catalogue's
 *   `suggestedLevel` (audit-log at `view`, which opens nothing); suggests it.
 *
 * The rules are documented with examples in docs/definition.md "Lint rules".
 * Entries that are not objects are skipped; the function never throws.
 */
export function lintRights(rights: readonly unknown[]): DefinitionIssue[] {
  const warnings: DefinitionIssue[] = [];
  if (!Array.isArray(rights)) return warnings;
  rights.forEach((raw, index) => {
    if (typeof raw !== "object" || raw === null) return;
    const entry = raw as RightEntryLike;
    const at = (field: string) => formatPath(["technicalUser", "rights", index, field]);
    const key = typeof entry.right === "string" ? entry.right : undefined;
    const purpose = typeof entry.purpose === "string" ? entry.purpose : undefined;
    const info = key === undefined ? undefined : getRight(key);

    if (key !== undefined && key.length > 0 && !info) {
      const suggestion = suggestRight(key);
      warnings.push({
        path: at("right"),
        code: "unknown_right",
        severity: "warning",
        message: suggestion
          ? `"${key}" is not in pcx's rights catalogue; did you mean "${suggestion.key}" (${suggestion.label.en} / ${suggestion.label.fi})?`
          : `"${key}" is not in pcx's rights catalogue (${docsUrl("definition", "rights-catalogue")} lists the known rights); it is allowed because Procountor's public list is incomplete, but check the name with Procountor's integration team`,
      });
    }

    if (info?.risk === "high" && purpose !== undefined && !purposeJustifies(info.key, purpose)) {
      const example = HIGH_RISK_PURPOSES[info.key]?.example;
      warnings.push({
        path: at("purpose"),
        code: "high_risk_right",
        severity: "warning",
        message: `${info.label.en} (${info.key}) is a high-risk right, and this purpose does not say what the integration uses it for; name the use${example ? `, e.g. "${example}"` : ""}, or remove the right if the integration does not need it`,
      });
    }

    if (info?.suggestedLevel === "all" && entry.level === "view") {
      warnings.push({
        path: at("level"),
        code: "level_too_narrow",
        severity: "warning",
        message: `Procountor opens ${info.label.en} (${info.key}) only with All rights, so level "view" gives the technical user nothing; use level: all if the integration needs it, or remove the right`,
      });
    }

    if (entry.level === "all" && purpose !== undefined && info?.suggestedLevel !== "all") {
      const verb = readOnlyVerb(purpose);
      if (verb) {
        warnings.push({
          path: at("level"),
          code: "level_too_broad",
          severity: "warning",
          message: `the purpose only reads ("${verb}") but the level is "all", which also lets the technical user change data; use level: view, or say in the purpose what the integration changes`,
        });
      }
    }
  });
  return warnings;
}
