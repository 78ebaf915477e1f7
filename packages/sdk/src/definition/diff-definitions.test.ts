import { readFileSync } from "node:fs";
import { acme } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { diffDefinitions } from "./diff-definitions.js";
import type { IntegrationDefinitionInput } from "./integration-definition-schema.js";

// biome-ignore lint/suspicious/noExplicitAny: tests edit definitions freely
type Mutable = Record<string, any>;

function diffAfter(change: (d: Mutable) => void) {
  const next = acme() as Mutable;
  change(next);
  return diffDefinitions(acme(), next as IntegrationDefinitionInput);
}

describe("diffDefinitions", () => {
  it("finds no change between equal definitions, or when only the order of rights changed", () => {
    const none = {
      changes: [],
      classification: "none",
      requiresCustomerUpdate: false,
      needsReview: false,
    };
    expect(diffDefinitions(acme(), acme())).toEqual(none);
    expect(diffAfter((d) => d.technicalUser.rights.reverse())).toEqual(none);
    expect(diffAfter((d) => delete d.billing)).toEqual(none); // billing defaults to environment
    expect(diffAfter((d) => (d.name = " Acme Invoice Sync "))).toEqual(none); // trimmed like the schema
    expect(diffAfter((d) => (d.$schema = "other.json"))).toEqual(none); // editor-only, never sent
  });

  const rules: [string, (d: Mutable) => void, string, string, string][] = [
    // [what, edit, path, kind, classification]
    [
      "a right added",
      (d) =>
        d.technicalUser.rights.push({
          right: "products",
          level: "view",
          purpose: "Looks up products.",
        }),
      "technicalUser.rights[products]",
      "added",
      "customer-update-required",
    ],
    [
      "a right raised view→all",
      (d) => (d.technicalUser.rights[1].level = "all"),
      "technicalUser.rights[business-partners].level",
      "changed",
      "customer-update-required",
    ],
    [
      "the username changed",
      (d) => (d.technicalUser.username = "acme-sync"),
      "technicalUser.username",
      "changed",
      "customer-update-required",
    ],
    [
      "a right removed",
      (d) => d.technicalUser.rights.pop(),
      "technicalUser.rights[business-partners]",
      "removed",
      "needs-review",
    ],
    [
      "a right lowered all→view",
      (d) => (d.technicalUser.rights[0].level = "view"),
      "technicalUser.rights[sales-invoices].level",
      "changed",
      "needs-review",
    ],
    [
      "a purpose changed",
      (d) => (d.technicalUser.rights[0].purpose = "Creates sales invoices from paid orders."),
      "technicalUser.rights[sales-invoices].purpose",
      "changed",
      "needs-review",
    ],
    ["the name changed", (d) => (d.name = "Acme Sync"), "name", "changed", "needs-review"],
    [
      "the callback URL changed",
      (d) => (d.callbackUrl = "https://acme.example/cb"),
      "callbackUrl",
      "changed",
      "needs-review",
    ],
    [
      "a link changed",
      (d) => (d.links.privacyPolicy = "https://acme.example/privacy-v2"),
      "links.privacyPolicy",
      "changed",
      "needs-review",
    ],
    [
      "the terms link changed",
      (d) => (d.links.termsOfService = "https://acme.example/t2"),
      "links.termsOfService",
      "changed",
      "needs-review",
    ],
    [
      "the support link changed",
      (d) => (d.links.support = "https://acme.example/s2"),
      "links.support",
      "changed",
      "needs-review",
    ],
    [
      "billing changed",
      (d) => (d.billing = "accounting-firm"),
      "billing",
      "changed",
      "needs-review",
    ],
    ["an unknown field added", (d) => (d.colour = "blue"), "colour", "added", "needs-review"],
    [
      "the description changed",
      (d) => (d.description = "Sends invoices from Acme Shop to Procountor."),
      "description",
      "changed",
      "cosmetic",
    ],
    [
      "a long description added",
      (d) => (d.longDescription = "More text."),
      "longDescription",
      "added",
      "cosmetic",
    ],
    ["the logo removed", (d) => delete d.logoUrl, "logoUrl", "removed", "cosmetic"],
    [
      "the display name changed",
      (d) => (d.technicalUser.displayName = "Acme"),
      "technicalUser.displayName",
      "changed",
      "cosmetic",
    ],
    [
      "maxConcurrentActivations changed",
      (d) => (d.maxConcurrentActivations = 5),
      "maxConcurrentActivations",
      "changed",
      "cosmetic",
    ],
  ];
  it.each(rules)("classifies %s", (_, edit, path, kind, classification) => {
    const diff = diffAfter(edit);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ path, kind, classification });
    expect(diff.changes[0]!.reason.length).toBeGreaterThan(20);
    expect(diff.classification).toBe(classification);
    expect(diff.requiresCustomerUpdate).toBe(classification === "customer-update-required");
    expect(diff.needsReview).toBe(classification !== "cosmetic");
  });

  it("keeps before and after values, and names rights by label in reasons", () => {
    const diff = diffAfter((d) => (d.technicalUser.rights[1].level = "all"));
    expect(diff.changes[0]).toMatchObject({ before: "view", after: "all" });
    expect(diff.changes[0]!.reason).toContain("Customer and supplier register (business-partners)");
    const added = diffAfter((d) =>
      d.technicalUser.rights.push({ right: "x-ray", level: "view", purpose: "Looks up x." }),
    );
    expect(added.changes[0]).toMatchObject({ after: { right: "x-ray", level: "view" } });
    expect(added.changes[0]).not.toHaveProperty("before");
  });

  it("reports a renamed right as one removed and one added", () => {
    const diff = diffAfter((d) => (d.technicalUser.rights[1].right = "products"));
    expect(diff.changes.map((c) => [c.path, c.kind, c.classification])).toEqual([
      ["technicalUser.rights[products]", "added", "customer-update-required"],
      ["technicalUser.rights[business-partners]", "removed", "needs-review"],
    ]);
  });

  it("classifies the whole diff by its strongest change", () => {
    const diff = diffAfter((d) => {
      d.description = "Sends invoices from Acme Shop to Procountor.";
      d.name = "Acme Sync";
    });
    expect(diff.classification).toBe("needs-review");
    expect(diffAfter((d) => (d.logoUrl = "https://acme.example/l2.png")).classification).toBe(
      "cosmetic",
    );
  });

  it("classifies the example v2 (a right raised, a right added) as requiring a customer update", () => {
    const read = (path: string) =>
      parse(readFileSync(new URL(`../../../../examples/${path}`, import.meta.url), "utf8"));
    const diff = diffDefinitions(read("pcx.integration.yaml"), read("definitions/acme-v2.yaml"));
    expect(diff.requiresCustomerUpdate).toBe(true);
    expect(diff.changes.map((c) => [c.path, c.classification])).toEqual([
      ["description", "cosmetic"],
      ["maxConcurrentActivations", "cosmetic"],
      ["technicalUser.rights[business-partners].level", "customer-update-required"],
      ["technicalUser.rights[business-partners].purpose", "needs-review"],
      ["technicalUser.rights[products]", "customer-update-required"],
    ]);
  });

  it("does not throw on definitions that are not valid", () => {
    expect(() => diffDefinitions({} as IntegrationDefinitionInput, null as never)).not.toThrow();
    const diff = diffDefinitions({} as IntegrationDefinitionInput, acme());
    expect(diff.classification).toBe("customer-update-required");
  });
});
