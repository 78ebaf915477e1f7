import type { IntegrationDefinitionInput } from "./integration-definition-schema.js";

/** Test fixture: the Acme definition of DESIGN.md, as a fresh object each call. */
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
      rights: [
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
      ],
    },
  };
}
