// Test fixtures: the Acme example, written out once for every package's tests.
import type { IntegrationDefinitionInput } from "@pcx/sdk";
import type { WireDefinition } from "@pcx/sdk/contract";

type Rights = WireDefinition["technicalUser"]["rights"];

/** The Acme technical user's rights of the README's example (sales-invoices: all, business-partners: view). */
export function acmeRights(): Rights {
  return [
    {
      right: "sales-invoices",
      level: "all",
      purpose: "Creates sales invoices from shop orders.",
    },
    {
      right: "business-partners",
      level: "view",
      purpose: "Looks up customers before invoicing.",
    },
  ];
}

/** Test fixture: the Acme definition of the README's example, as a fresh object each call. */
export function acme(): IntegrationDefinitionInput {
  return {
    $schema: "./node_modules/@pcx/sdk/schema/integration-definition.schema.json",
    name: "Acme Invoice Sync",
    description: "Sends sales invoices from Acme Shop to Procountor.",
    logoUrl: "https://acme.example/logo.png",
    links: {
      privacyPolicy: "https://acme.example/privacy",
      termsOfService: "https://acme.example/terms",
      support: "https://acme.example/support",
    },
    callbackUrl: "https://acme.example/procountor/callback",
    billing: "environment",
    maxConcurrentActivations: 20,
    technicalUser: {
      username: "acme-invoice-sync",
      displayName: "Acme Invoice Sync",
      rights: acmeRights(),
    },
  };
}

/**
 * Test fixture: a plain Acme definition as API tests send it. Only the required
 * fields and `billing` (no `$schema`, `logoUrl`, `maxConcurrentActivations` or
 * `displayName`), and the technical user with `rights`: by default only
 * sales-invoices: all. A fresh object each call.
 */
export function acmeWire(rights: Rights = acmeRights().slice(0, 1)): WireDefinition {
  const { name, description, links, callbackUrl, technicalUser } = acme();
  return {
    name,
    description,
    links,
    callbackUrl,
    billing: "environment",
    technicalUser: { username: technicalUser.username, rights },
  };
}
