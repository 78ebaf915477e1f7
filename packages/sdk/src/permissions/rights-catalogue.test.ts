import { readFileSync } from "node:fs";
import { englishWordsIn, hasClauseSemicolon, placeholderIn } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { RIGHT_LEVELS } from "../definition/integration-definition-schema.js";
import { getRight, suggestRight } from "./find-right.js";
import { RIGHT_GROUP_LABELS, RIGHT_LEVEL_LABELS } from "./right-info.js";
import { RIGHTS_CATALOGUE } from "./rights-catalogue.js";

const DESIGN_KEYS = [
  "sales-invoices",
  "purchase-invoices",
  "travel-expenses",
  "ledger-receipts",
  "business-partners",
  "products",
  "payments",
  "bank-statements",
  "reports",
  "accounting",
  "dimensions",
  "salaries",
  "company-info",
  "user-management",
  "audit-log",
];

describe("RIGHTS_CATALOGUE", () => {
  const keys = RIGHTS_CATALOGUE.map((entry) => entry.key);

  it("has every key of the original design, once each, in kebab-case", () => {
    expect(keys).toEqual(expect.arrayContaining(DESIGN_KEYS));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it("holds only known groups, risks, label sources and levels (the JSON data is typed by this test)", () => {
    const allowed = {
      group: Object.keys(RIGHT_GROUP_LABELS),
      risk: ["high", "normal"],
      documented: [true, false],
      fiLabelSource: ["procountor", "pcx"],
    };
    const fields = ["key", "label", "group", "risk", "documented", "fiLabelSource", "levels"];
    for (const entry of RIGHTS_CATALOGUE) {
      expect(Object.keys(entry).sort(), entry.key).toEqual(
        entry.suggestedLevel === undefined
          ? [...fields].sort()
          : [...fields, "suggestedLevel"].sort(),
      );
      for (const [field, values] of Object.entries(allowed)) {
        expect(values, `${entry.key}.${field}`).toContain(entry[field as keyof typeof allowed]);
      }
      expect(Object.keys(entry.levels).sort(), entry.key).toEqual([...RIGHT_LEVELS].sort());
      if (entry.suggestedLevel !== undefined) expect(RIGHT_LEVELS).toContain(entry.suggestedLevel);
    }
  });

  it("marks exactly user-management, payments, salaries, company-info and audit-log as high risk", () => {
    expect(
      RIGHTS_CATALOGUE.filter((e) => e.risk === "high")
        .map((e) => e.key)
        .sort(),
    ).toEqual(["audit-log", "company-info", "payments", "salaries", "user-management"]);
  });

  it("suggests All rights for the audit log only, and describes what it exposes", () => {
    expect(RIGHTS_CATALOGUE.filter((e) => e.suggestedLevel).map((e) => e.key)).toEqual([
      "audit-log",
    ]);
    const audit = getRight("audit-log");
    expect(audit?.suggestedLevel).toBe("all");
    expect(audit?.levels.all.en).toMatch(/salaries and payments/);
    expect(audit?.levels.all.fi).toMatch(/palkat ja maksut/);
  });

  it("says where each Finnish label comes from; only terms of Procountor's Finnish guide are 'procountor'", () => {
    const guide = readFileSync(new URL("../../../../docs/definition.md", import.meta.url), "utf8");
    const confirmed = RIGHTS_CATALOGUE.filter((e) => e.fiLabelSource === "procountor");
    expect(confirmed.map((e) => e.key).sort()).toEqual(["sales-invoices", "user-management"]);
    for (const entry of RIGHTS_CATALOGUE) {
      expect(["procountor", "pcx"], entry.key).toContain(entry.fiLabelSource);
      const row = guide.split("\n").find((line) => line.startsWith(`| \`${entry.key}\``));
      expect(row?.trimEnd(), entry.key).toMatch(
        entry.fiLabelSource === "procountor" ? /\| Procountor \|$/ : /\| pcx +\|$/,
      );
    }
  });

  it("gives every entry English and Finnish names and plain-words levels", () => {
    for (const entry of RIGHTS_CATALOGUE) {
      for (const text of [entry.label, entry.levels.view, entry.levels.all]) {
        expect(text.en.length, entry.key).toBeGreaterThan(2);
        expect(text.fi.length, entry.key).toBeGreaterThan(2);
        expect(text.fi, entry.key).not.toBe(text.en);
      }
      expect(entry.levels.view.en, entry.key).not.toBe(entry.levels.all.en);
    }
  });

  it("has labels that are unique, so a label never suggests two rights", () => {
    const labels = RIGHTS_CATALOGUE.flatMap((e) => [e.label.en, e.label.fi]);
    expect(new Set(labels).size).toBe(labels.length);
    for (const entry of RIGHTS_CATALOGUE) {
      expect(suggestRight(entry.label.en)?.key).toBe(entry.key);
      expect(suggestRight(entry.label.fi)?.key).toBe(entry.key);
    }
  });

  it("is listed in docs/definition.md with both names", () => {
    const docs = readFileSync(new URL("../../../../docs/definition.md", import.meta.url), "utf8");
    for (const entry of RIGHTS_CATALOGUE) {
      const row = docs.split("\n").find((line) => line.startsWith(`| \`${entry.key}\``));
      expect(row, entry.key).toBeDefined();
      expect(row).toContain(entry.label.en);
      expect(row).toContain(entry.label.fi);
    }
  });

  it("has Finnish texts with no English word, placeholder or English-style semicolon", () => {
    const problems: string[] = [];
    const texts = RIGHTS_CATALOGUE.flatMap((e) => [
      [e.key, e.label.fi],
      [`${e.key}.view`, e.levels.view.fi],
      [`${e.key}.all`, e.levels.all.fi],
    ]);
    for (const [where, text] of [
      ...texts,
      ...Object.entries(RIGHT_LEVEL_LABELS).map(([k, v]) => [k, v.fi]),
    ] as [string, string][]) {
      const english = englishWordsIn(text);
      if (english.length > 0) problems.push(`${where}: ${english.join(", ")}`);
      if (placeholderIn(text) || hasClauseSemicolon(text)) problems.push(`${where}: ${text}`);
    }
    expect(problems).toEqual([]);
    expect(RIGHT_LEVEL_LABELS.view.fi).toBe("Katseluoikeudet");
    expect(JSON.stringify(RIGHTS_CATALOGUE)).not.toMatch(/ajaa raport/);
  });

  it("looks up entries by key", () => {
    expect(getRight("payments")?.risk).toBe("high");
    expect(getRight("Payments")).toBeUndefined();
  });
});
