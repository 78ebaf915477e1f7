import type { DefinitionChange, DefinitionDiff } from "@pcx/sdk";
import type { ChalkInstance } from "chalk";
import { formatPath } from "./issues.js";

type Classification = DefinitionDiff["classification"];

/** Groups, most consequential first. */
const GROUPS: {
  classification: DefinitionChange["classification"];
  title: (paint: ChalkInstance, count: number) => string;
}[] = [
  {
    classification: "customer-update-required",
    title: (p, n) => p.red.bold(`Customer update required (${n})`),
  },
  { classification: "needs-review", title: (p, n) => p.yellow.bold(`Needs review (${n})`) },
  { classification: "cosmetic", title: (p, n) => p.green.bold(`Cosmetic (${n})`) },
];

/** One sentence per overall classification, for the last line of a diff or plan. */
export const CLASSIFICATION_SUMMARY: Record<Classification, (paint: ChalkInstance) => string> = {
  none: () => "no changes.",
  cosmetic: (p) => `${p.green("cosmetic")}: no review, customers need not do anything.`,
  "needs-review": (p) =>
    `${p.yellow("needs review")}: Procountor's integration team reviews the change; customers need not do anything.`,
  "customer-update-required": (p) =>
    `${p.red("customer update required")}: customers see "Update required" and keep the old rights until they accept.`,
};

const MARK: Record<DefinitionChange["kind"], string> = { added: "+", removed: "-", changed: "~" };

/** The changes grouped by classification, each with `+`/`-`/`~`, its path, before → after and reason. */
export function renderChanges(
  changes: readonly DefinitionChange[],
  paint: ChalkInstance,
): string[] {
  const lines: string[] = [];
  for (const group of GROUPS) {
    const inGroup = changes.filter((c) => c.classification === group.classification);
    if (inGroup.length === 0) continue;
    lines.push(group.title(paint, inGroup.length));
    for (const change of inGroup) lines.push(...formatChange(change, paint));
    lines.push("");
  }
  return lines;
}

function formatChange(change: DefinitionChange, paint: ChalkInstance): string[] {
  const path = paint.bold(formatPath(change.path));
  let values = "";
  if (change.kind === "added") values = paint.green(show(change.after));
  else if (change.kind === "removed") values = paint.red(show(change.before));
  else values = `${paint.red(show(change.before))} → ${paint.green(show(change.after))}`;
  return [`  ${MARK[change.kind]} ${path}  ${values}`, `      ${paint.dim(change.reason)}`];
}

/** A value on one line: objects (an added right) as `key: value` pairs, long text shortened. */
function show(value: unknown): string {
  if (value === undefined) return "(none)";
  const text =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? Object.entries(value)
          .map(([key, v]) => `${key}: ${JSON.stringify(v)}`)
          .join(", ")
      : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
