import { getRight } from "../permissions/find-right.js";
import { change, type DefinitionChange, isObject, type Loose, same } from "./definition-change.js";

interface RightEntry {
  right: string;
  level: unknown;
  purpose: unknown;
}

function trimmed(value: unknown): unknown {
  return typeof value === "string" ? value.trim() : value;
}

function rightsByKey(definition: Loose): Map<string, RightEntry> {
  const user = definition.technicalUser;
  const rights = isObject(user) ? user.rights : undefined;
  const map = new Map<string, RightEntry>();
  if (!Array.isArray(rights)) return map;
  for (const entry of rights) {
    if (isObject(entry) && typeof entry.right === "string" && !map.has(entry.right)) {
      map.set(entry.right, { right: entry.right, level: entry.level, purpose: entry.purpose });
    }
  }
  return map;
}

function labelOf(key: string): string {
  const info = getRight(key);
  return info ? `${info.label.en} (${key})` : `"${key}"`;
}

/**
 * Changes of the technical user's rights, matched by key (order does not
 * matter): added or raised → customer-update-required; removed, lowered or a
 * new purpose → needs-review.
 */
export function diffRights(a: Loose, b: Loose): DefinitionChange[] {
  const before = rightsByKey(a);
  const after = rightsByKey(b);
  const out: DefinitionChange[] = [];
  for (const [key, next] of after) {
    const path = `technicalUser.rights[${key}]`;
    const prev = before.get(key);
    if (!prev) {
      out.push(
        change(
          path,
          undefined,
          next,
          "customer-update-required",
          `Adds ${labelOf(key)} at level "${String(next.level)}": the technical user gains access, so customers must accept the update.`,
        ),
      );
      continue;
    }
    if (prev.level !== next.level) {
      const raised = next.level === "all";
      out.push(
        raised
          ? change(
              `${path}.level`,
              prev.level,
              next.level,
              "customer-update-required",
              `Raises ${labelOf(key)} from ${String(prev.level)} to all: the technical user gains access, so customers must accept the update.`,
            )
          : change(
              `${path}.level`,
              prev.level,
              next.level,
              "needs-review",
              `Lowers ${labelOf(key)} from ${String(prev.level)} to ${String(next.level)}: customers need not accept less access; Procountor reviews it.`,
            ),
      );
    }
    if (!same(trimmed(prev.purpose), trimmed(next.purpose))) {
      out.push(
        change(
          `${path}.purpose`,
          prev.purpose,
          next.purpose,
          "needs-review",
          `The purpose of ${labelOf(key)} changed: Procountor's reviewers check that the rights still match the stated needs; access is unchanged.`,
        ),
      );
    }
  }
  for (const [key, prev] of before) {
    if (!after.has(key)) {
      out.push(
        change(
          `technicalUser.rights[${key}]`,
          prev,
          undefined,
          "needs-review",
          `Removes ${labelOf(key)}: customers need not accept less access; Procountor reviews it.`,
        ),
      );
    }
  }
  return out;
}
