import { acme } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { renderTechnicalUser } from "./render-technical-user.js";
import { renderTechnicalUserText } from "./render-technical-user-text.js";

describe("renderTechnicalUser", () => {
  it("describes each right in the customer's language", () => {
    expect(renderTechnicalUser(acme(), { locale: "en" })).toEqual({
      username: "acme-invoice-sync",
      displayName: "Acme Invoice Sync",
      locale: "en",
      rights: [
        {
          right: "sales-invoices",
          level: "all",
          label: "Sales invoices",
          levelLabel: "All rights",
          description: "Create, edit, send and cancel sales invoices.",
          purpose: "Creates sales invoices from shop orders.",
          known: true,
          risk: "normal",
        },
        {
          right: "business-partners",
          level: "view",
          label: "Customer and supplier register",
          levelLabel: "Viewing rights",
          description: "See customers and suppliers with their contact and payment details.",
          purpose: "Looks up customers before invoicing.",
          known: true,
          risk: "normal",
        },
      ],
    });
    const fi = renderTechnicalUser(acme(), { locale: "fi" });
    expect(fi.rights.map((r) => [r.label, r.levelLabel])).toEqual([
      ["Myyntilaskut", "Kaikki oikeudet"],
      ["Asiakas- ja toimittajarekisteri", "Katseluoikeudet"],
    ]);
  });

  it("keeps unknown rights by key, marks high-risk ones, and falls back to the username", () => {
    const definition = acme();
    delete definition.technicalUser.displayName;
    definition.technicalUser.rights = [
      { right: "fixed-assets", level: "view", purpose: "Looks up assets." },
      { right: "payments", level: "all", purpose: "Pays approved purchase invoices." },
    ];
    const rendered = renderTechnicalUser(definition, { locale: "fi" });
    expect(rendered.displayName).toBe("acme-invoice-sync");
    expect(rendered.rights[0]).toMatchObject({
      label: "fixed-assets",
      known: false,
      risk: "unknown",
    });
    expect(rendered.rights[0]!.description).toContain("pcx:n luettelo");
    expect(rendered.rights[1]).toMatchObject({ label: "Maksutoiminto", known: true, risk: "high" });
  });
});

describe("renderTechnicalUserText", () => {
  it("renders the exact text a customer reviews (English)", () => {
    expect(renderTechnicalUserText(acme(), { locale: "en" })).toBe(
      [
        "Technical user: Acme Invoice Sync (acme-invoice-sync)",
        "This user is added to each environment you activate. Its username and rights come from the integrator and cannot be edited.",
        "",
        "Rights:",
        "- Sales invoices: All rights",
        "  Create, edit, send and cancel sales invoices.",
        "  Why: Creates sales invoices from shop orders.",
        "- Customer and supplier register: Viewing rights",
        "  See customers and suppliers with their contact and payment details.",
        "  Why: Looks up customers before invoicing.",
        "",
      ].join("\n"),
    );
  });

  it("renders the exact text a customer reviews (Finnish), with the username alone when there is no display name", () => {
    const definition = acme();
    delete definition.technicalUser.displayName;
    definition.technicalUser.rights.pop();
    expect(renderTechnicalUserText(definition, { locale: "fi" })).toBe(
      [
        "Tekninen käyttäjä: acme-invoice-sync",
        "Käyttäjä lisätään jokaiseen aktivoimaasi ympäristöön. Sen käyttäjänimi ja käyttöoikeudet tulevat ohjelmistontarjoajalta, eikä niitä voi muokata.",
        "",
        "Käyttöoikeudet:",
        "- Myyntilaskut: Kaikki oikeudet",
        "  Voi luoda, muokata, lähettää ja mitätöidä myyntilaskuja.",
        "  Peruste: Creates sales invoices from shop orders.",
        "",
      ].join("\n"),
    );
  });
});
