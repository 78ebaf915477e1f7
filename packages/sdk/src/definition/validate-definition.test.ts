import { acme } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import type { DefinitionIssue } from "./definition-issue.js";
import { validateDefinition } from "./validate-definition.js";

// biome-ignore lint/suspicious/noExplicitAny: tests break definitions on purpose, into any shape
type Mutable = Record<string, any>;

/** Validates acme() after `change` and returns the issues by path. */
function check(change: (d: Mutable) => void) {
  const definition = acme() as Mutable;
  change(definition);
  return validateDefinition(definition);
}

function at(issues: DefinitionIssue[], path: string) {
  return issues.filter((i) => i.path === path);
}

describe("validateDefinition", () => {
  it("accepts the Acme definition without errors or warnings, applying defaults", () => {
    const result = validateDefinition(acme());
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.value?.name).toBe("Acme Invoice Sync");
    const { billing: _billing, ...withoutBilling } = acme() as Mutable;
    expect(validateDefinition(withoutBilling).value?.billing).toBe("environment");
  });

  it("reports a non-object root at path '' and never throws", () => {
    for (const input of [null, undefined, 42, "name: x", [], true]) {
      const result = validateDefinition(input);
      expect(result.value).toBeUndefined();
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ path: "", code: "invalid_type", severity: "error" });
      expect(result.errors[0]!.message).toMatch(/must be an object/);
    }
  });

  it("reports every broken field at once, with dot-paths", () => {
    const result = check((d) => {
      d.name = "A";
      delete d.callbackUrl;
      d.links.support = "ftp://acme.example/help";
      d.technicalUser.rights[1].level = "read";
      d.maxConcurrentActivations = 0;
    });
    expect(result.value).toBeUndefined();
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ["name", "too_small"],
      ["links.support", "insecure_url"],
      ["callbackUrl", "required"],
      ["maxConcurrentActivations", "too_small"],
      ["technicalUser.rights[1].level", "invalid_value"],
    ]);
    for (const error of result.errors) expect(error.severity).toBe("error");
  });

  it("explains a missing field with its description and an example", () => {
    const [error] = check((d) => delete d.callbackUrl).errors;
    expect(error).toMatchObject({ path: "callbackUrl", code: "required" });
    expect(error!.message).toMatch(/^is required\. The https URL where Procountor sends/);
    expect(error!.message).toContain("Example: https://acme.example/procountor/callback");
  });

  it("treats an empty value (YAML `name:`) as missing", () => {
    const [error] = check((d) => {
      d.name = null;
    }).errors;
    expect(error).toMatchObject({ path: "name", code: "required" });
    expect(error!.message).toMatch(/^is empty/);
  });

  it("says what type was expected and what it got", () => {
    const [error] = check((d) => {
      d.technicalUser = "acme";
    }).errors;
    expect(error).toMatchObject({ path: "technicalUser", code: "invalid_type" });
    expect(error!.message).toBe('must be an object (a mapping of fields), got text ("acme")');
  });

  describe("field rules, both ways", () => {
    const cases: [string, (d: Mutable) => void, (d: Mutable) => void, string][] = [
      ["name", (d) => (d.name = "Ax"), (d) => (d.name = "A"), "too_small"],
      ["name", (d) => (d.name = "A".repeat(80)), (d) => (d.name = "A".repeat(81)), "too_big"],
      [
        "description",
        (d) => (d.description = "Ten chars."),
        (d) => (d.description = "Too short"),
        "too_small",
      ],
      [
        "description",
        (d) => (d.description = "x".repeat(300)),
        (d) => (d.description = "x".repeat(301)),
        "too_big",
      ],
      [
        "longDescription",
        (d) => (d.longDescription = "x".repeat(4000)),
        (d) => (d.longDescription = "x".repeat(4001)),
        "too_big",
      ],
      ["logoUrl", (d) => delete d.logoUrl, (d) => (d.logoUrl = "logo.png"), "invalid_url"],
      [
        "logoUrl",
        (d) => (d.logoUrl = "http://localhost:4000/logo.png"),
        (d) => (d.logoUrl = "http://acme.example/logo.png"),
        "insecure_url",
      ],
      [
        "links.privacyPolicy",
        (d) => (d.links.privacyPolicy = "https://127.0.0.1/p"),
        (d) => (d.links.privacyPolicy = "https://user:pw@acme.example/p"),
        "invalid_url",
      ],
      [
        "links.termsOfService",
        (d) => (d.links.termsOfService = "http://[::1]:8080/t"),
        (d) => delete d.links.termsOfService,
        "required",
      ],
      ["links", (d) => d, (d) => delete d.links, "required"],
      [
        "callbackUrl",
        (d) => (d.callbackUrl = "https://acme.example/cb?tenant=1"),
        (d) => (d.callbackUrl = "https://acme.example/cb#done"),
        "invalid_url",
      ],
      [
        "billing",
        (d) => (d.billing = "accounting-firm"),
        (d) => (d.billing = "customer"),
        "invalid_value",
      ],
      [
        "maxConcurrentActivations",
        (d) => (d.maxConcurrentActivations = 10_000),
        (d) => (d.maxConcurrentActivations = 10_001),
        "too_big",
      ],
      [
        "maxConcurrentActivations",
        (d) => (d.maxConcurrentActivations = 1),
        (d) => (d.maxConcurrentActivations = 2.5),
        "invalid_type",
      ],
      [
        "maxConcurrentActivations",
        (d) => delete d.maxConcurrentActivations,
        (d) => (d.maxConcurrentActivations = "20"),
        "invalid_type",
      ],
      [
        "technicalUser.username",
        (d) => (d.technicalUser.username = "acme.sync_2"),
        (d) => (d.technicalUser.username = "Acme Sync"),
        "invalid_format",
      ],
      [
        "technicalUser.username",
        (d) => (d.technicalUser.username = "abc"),
        (d) => (d.technicalUser.username = "ab"),
        "too_small",
      ],
      [
        "technicalUser.username",
        (d) => (d.technicalUser.username = "a".repeat(40)),
        (d) => (d.technicalUser.username = "a".repeat(41)),
        "too_big",
      ],
      [
        "technicalUser.username",
        (d) => (d.technicalUser.username = "a-b"),
        (d) => (d.technicalUser.username = "-ab"),
        "invalid_format",
      ],
      [
        "technicalUser.displayName",
        (d) => delete d.technicalUser.displayName,
        (d) => (d.technicalUser.displayName = "   "),
        "too_small",
      ],
      [
        "technicalUser.rights",
        (d) => (d.technicalUser.rights.length = 1),
        (d) => (d.technicalUser.rights = []),
        "too_small",
      ],
      [
        "technicalUser.rights",
        (d) => d,
        (d) => (d.technicalUser.rights = { right: "sales-invoices" }),
        "invalid_type",
      ],
      [
        "technicalUser.rights[0].right",
        (d) => (d.technicalUser.rights[0].right = "sales-invoices"),
        (d) => (d.technicalUser.rights[0].right = "Sales_Invoices"),
        "invalid_format",
      ],
      [
        "technicalUser.rights[0].level",
        (d) => (d.technicalUser.rights[0].level = "view"),
        (d) => (d.technicalUser.rights[0].level = "ALL"),
        "invalid_value",
      ],
      [
        "technicalUser.rights[0].purpose",
        (d) => (d.technicalUser.rights[0].purpose = "Creates it."),
        (d) => (d.technicalUser.rights[0].purpose = "  Creates  "),
        "too_small",
      ],
      [
        "technicalUser.rights[0].purpose",
        (d) => (d.technicalUser.rights[0].purpose = "x".repeat(300)),
        (d) => (d.technicalUser.rights[0].purpose = "x".repeat(301)),
        "too_big",
      ],
      [
        "technicalUser.rights[1].purpose",
        (d) => d,
        (d) => delete d.technicalUser.rights[1].purpose,
        "required",
      ],
    ];
    it.each(cases)(
      "%s: accepts the good value, rejects the bad one (%#)",
      (path, good, bad, code) => {
        expect(check(good).errors).toEqual([]);
        const errors = check(bad).errors;
        expect(errors.map((e) => [e.path, e.code])).toEqual([[path, code]]);
        expect(errors[0]!.message.length).toBeGreaterThan(10);
      },
    );
  });

  it("rejects a right listed twice, pointing at the second entry, even when other entries are broken", () => {
    const result = check((d) => {
      d.technicalUser.rights.push({
        right: "sales-invoices",
        level: "view",
        purpose: "Looks up invoices.",
      });
      d.technicalUser.rights[1].level = "read";
    });
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ["technicalUser.rights[1].level", "invalid_value"],
      ["technicalUser.rights[2].right", "duplicate_right"],
    ]);
    expect(result.errors[1]!.message).toContain("already listed at technicalUser.rights[0]");
    expect(check((d) => d.technicalUser.rights.reverse()).errors).toEqual([]);
  });

  it("warns about unknown fields with a did-you-mean, and points the missing field at the typo", () => {
    const result = check((d) => {
      d.callbackURL = d.callbackUrl;
      delete d.callbackUrl;
      d.links.privacy = "https://acme.example/privacy";
      d.technicalUser.rights[0].levle = "all";
      d.colour = "blue";
    });
    expect(result.warnings.map((w) => [w.path, w.code])).toEqual([
      ["callbackURL", "unknown_key"],
      ["colour", "unknown_key"],
      ["links.privacy", "unknown_key"],
      ["technicalUser.rights[0].levle", "unknown_key"],
    ]);
    expect(at(result.warnings, "callbackURL")[0]!.message).toContain('did you mean "callbackUrl"?');
    expect(at(result.warnings, "links.privacy")[0]!.message).toContain(
      'did you mean "privacyPolicy"?',
    );
    expect(at(result.warnings, "colour")[0]!.message).toMatch(
      /fields allowed here: \$schema, name/,
    );
    expect(at(result.errors, "callbackUrl")[0]!.message).toContain(
      '(found "callbackURL": rename it to "callbackUrl")',
    );
    for (const warning of result.warnings) expect(warning.severity).toBe("warning");
  });

  it("keeps the value when there are only warnings (unknown right, least-privilege lint)", () => {
    const result = check((d) => {
      d.technicalUser.rights[0].right = "fixed-assets";
      d.technicalUser.rights[1].level = "all";
    });
    expect(result.errors).toEqual([]);
    expect(result.value).toBeDefined();
    expect(result.warnings.map((w) => [w.path, w.code])).toEqual([
      ["technicalUser.rights[0].right", "unknown_right"],
      ["technicalUser.rights[1].level", "level_too_broad"],
    ]);
  });

  it("still lints the rights when other fields are broken", () => {
    const result = check((d) => {
      d.name = 1;
      d.technicalUser.rights[0].right = "salesinvoices";
    });
    expect(result.errors.map((e) => e.path)).toEqual(["name"]);
    expect(result.warnings[0]!.message).toContain('did you mean "sales-invoices"');
  });

  it("trims strings in the value", () => {
    const result = check((d) => {
      d.name = "  Acme  ";
    });
    expect(result.value?.name).toBe("Acme");
  });
});
