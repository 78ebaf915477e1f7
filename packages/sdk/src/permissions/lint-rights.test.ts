import { acmeRights } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { lintRights } from "./lint-rights.js";

const lint = (right: string, level: string, purpose: string) =>
  lintRights([{ right, level, purpose }]).map((w) => [w.path, w.code]);

describe("lintRights", () => {
  it("returns nothing for known rights with fitting levels and purposes", () => {
    expect(lintRights(acmeRights())).toEqual([]);
  });

  describe("unknown_right", () => {
    it("warns about a key not in the catalogue, at .right, as a warning", () => {
      const [warning] = lintRights([
        { right: "fixed-assets", level: "view", purpose: "Looks up assets." },
      ]);
      expect(warning).toMatchObject({
        path: "technicalUser.rights[0].right",
        code: "unknown_right",
        severity: "warning",
      });
      expect(warning!.message).toContain("Procountor's public list is incomplete");
      expect(warning!.message).not.toContain("did you mean");
    });

    const suggestions: [string, string][] = [
      ["sales-invocies", "sales-invoices"], // transposition
      ["sales-invoice", "sales-invoices"], // singular
      ["salesinvoices", "sales-invoices"], // separators
      ["Sales Invoices", "sales-invoices"], // English label
      ["Myyntilaskut", "sales-invoices"], // Finnish label
      ["ostolaskut", "purchase-invoices"], // Finnish label, lower case
      ["palkat", "salaries"], // Finnish
      ["kayttajahallinta", "user-management"], // Finnish without ä
      ["payment", "payments"],
      ["user-managment", "user-management"],
      ["auditlog", "audit-log"],
    ];
    it.each(suggestions)("suggests %s → %s", (input, key) => {
      const [warning] = lintRights([{ right: input, level: "view", purpose: "Looks up things." }]);
      expect(warning?.message).toContain(`did you mean "${key}"`);
    });

    it("does not suggest far-off keys", () => {
      const [warning] = lintRights([
        { right: "inventory", level: "view", purpose: "Looks up stock." },
      ]);
      expect(warning!.message).not.toContain("did you mean");
    });
  });

  describe("high_risk_right", () => {
    const justified: [string, string][] = [
      ["payments", "Pays approved purchase invoices from the company's bank account."],
      ["payments", "Maksaa hyväksytyt ostolaskut."],
      ["salaries", "Sends monthly payroll to Procountor."],
      ["salaries", "Siirtää palkkatiedot Procountoriin."],
      ["company-info", "Reads the company's business ID for invoice headers."],
      ["company-info", "Hakee yrityksen Y-tunnuksen laskuille."],
      ["user-management", "Adds the company's Acme Portal users as Procountor users."],
      ["user-management", "Lisää Acme-portaalin käyttäjät Procountoriin."],
      ["audit-log", "Archives the audit log every night for the customer's auditors."],
      ["audit-log", "Arkistoi muutoslokin tilintarkastajille."],
    ];
    it.each(justified)("accepts %s with a purpose that explains it (%s)", (right, purpose) => {
      // the audit log needs all (level_too_narrow otherwise); the others are checked at view
      expect(lint(right, right === "audit-log" ? "all" : "view", purpose)).toEqual([]);
    });

    const unjustified: [string, string][] = [
      ["payments", "Creates sales invoices from shop orders."],
      ["salaries", "Creates journal receipts for accounting."],
      ["company-info", "Creates sales invoices from orders."],
      ["user-management", "Creates sales invoices from orders."],
      ["audit-log", "Creates sales invoices from orders."],
    ];
    it.each(unjustified)(
      "warns about %s whose purpose does not explain it (%s)",
      (right, purpose) => {
        const warnings = lintRights([{ right, level: "all", purpose }]);
        expect(warnings.map((w) => [w.path, w.code])).toEqual([
          ["technicalUser.rights[0].purpose", "high_risk_right"],
        ]);
        expect(warnings[0]!.message).toMatch(/high-risk right.*e\.g\. "/);
      },
    );

    it("does not apply to normal-risk rights", () => {
      expect(lint("reports", "view", "Shows the income statement in Acme's dashboard.")).toEqual(
        [],
      );
    });
  });

  describe("level_too_broad", () => {
    const readOnly = [
      "Looks up customers before invoicing.",
      "Reads the chart of accounts.",
      "Fetches open invoices every night.",
      "Lists products for the web shop.",
      "Hakee asiakkaat ennen laskutusta.",
      "Lukee tilikartan.",
    ];
    it.each(readOnly)("suggests view for `all` with a purpose that only reads: %s", (purpose) => {
      const warnings = lintRights([{ right: "business-partners", level: "all", purpose }]);
      expect(warnings.map((w) => [w.path, w.code])).toEqual([
        ["technicalUser.rights[0].level", "level_too_broad"],
      ]);
      expect(warnings[0]!.message).toContain("use level: view");
    });

    const writes = [
      "Creates customers from new shop accounts.",
      "Looks up customers and updates their addresses.",
      "Luo asiakkaat verkkokaupasta.",
      "Hakee asiakkaat ja päivittää niiden osoitteet.",
      "Keeps customers in step with the CRM.", // no read verb either: no opinion
      "Review customers.", // "view" inside a word does not count
    ];
    it.each(writes)("stays quiet when the purpose writes or does not say: %s", (purpose) => {
      expect(lint("business-partners", "all", purpose)).toEqual([]);
    });

    it("does not apply to view", () => {
      expect(lint("business-partners", "view", "Looks up customers.")).toEqual([]);
    });
  });

  describe("level_too_narrow", () => {
    it("suggests all for the audit log at view, which opens nothing", () => {
      const warnings = lintRights([
        { right: "audit-log", level: "view", purpose: "Reads the audit log for auditors." },
      ]);
      expect(warnings.map((w) => [w.path, w.code])).toEqual([
        ["technicalUser.rights[0].level", "level_too_narrow"],
      ]);
      expect(warnings[0]!.message).toContain("use level: all");
    });

    it("does not call the audit log at all too broad, even with a purpose that only reads", () => {
      expect(lint("audit-log", "all", "Reads the audit log for auditors.")).toEqual([]);
    });

    it("does not apply to rights without a suggested level", () => {
      expect(lint("business-partners", "view", "Looks up customers.")).toEqual([]);
    });
  });

  it("reports several rules on one entry, with the entry's own index", () => {
    const warnings = lintRights([
      { right: "sales-invoices", level: "all", purpose: "Creates sales invoices." },
      { right: "payments", level: "all", purpose: "Reads the status of invoices." },
    ]);
    expect(warnings.map((w) => [w.path, w.code])).toEqual([
      ["technicalUser.rights[1].purpose", "high_risk_right"],
      ["technicalUser.rights[1].level", "level_too_broad"],
    ]);
  });

  it("skips entries it cannot read instead of throwing", () => {
    expect(lintRights([null, 5, "x", [], { right: 5 }, { level: "all" }, {}])).toEqual([]);
    expect(lintRights("nope" as never)).toEqual([]);
  });
});
