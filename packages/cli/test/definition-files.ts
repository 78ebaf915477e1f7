/** A valid definition file (the README's Acme example), with overridable lines. */
export function definitionYaml(
  overrides: {
    description?: string;
    callbackUrl?: string;
    rights?: string;
    /** The `maxConcurrentActivations` line's value; null leaves the line out. Default 20. */
    limit?: number | null;
  } = {},
): string {
  const limit = overrides.limit === undefined ? 20 : overrides.limit;
  return `name: Acme Invoice Sync
description: ${overrides.description ?? "Sends sales invoices from Acme Shop to Procountor."}
links:
  privacyPolicy: https://acme.example/privacy
  termsOfService: https://acme.example/terms
  support: https://acme.example/support
callbackUrl: ${overrides.callbackUrl ?? "https://acme.example/procountor/callback"}
billing: environment
${limit === null ? "" : `maxConcurrentActivations: ${limit}\n`}technicalUser:
  username: acme-invoice-sync
  displayName: Acme Invoice Sync
  rights:
${
  overrides.rights ??
  `    - right: sales-invoices
      level: all
      purpose: Creates sales invoices from shop orders.
    - right: business-partners
      level: view
      purpose: Looks up customers before invoicing.`
}
`;
}

/**
 * The definition with business-partners raised from view to all (its purpose
 * reworded too): a new version that customers must accept as an update.
 */
export const RAISED_DEFINITION_YAML = definitionYaml({
  rights: `    - right: sales-invoices
      level: all
      purpose: Creates sales invoices from shop orders.
    - right: business-partners
      level: all
      purpose: Creates and updates customers before invoicing.`,
});
