import { z } from "zod";

/**
 * The integration definition file (`pcx.integration.json` / `.yaml`), as in
 * DESIGN.md "The definition file". Field names are an interface: users write
 * them by hand and CI checks them, so renaming one is a breaking change.
 *
 * Messages say how to fix the problem; `validateDefinition` adds the dot-path.
 */

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https URL; plain http only for localhost so the sandbox works. */
export const HttpsUrlSchema = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({
      code: "custom",
      message: `must be an absolute URL such as https://example.com/path`,
    });
    return;
  }
  if (url.protocol === "https:") return;
  if (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)) return;
  ctx.addIssue({
    code: "custom",
    message: `must use https:// (plain http is allowed only for localhost), got "${url.protocol}//${url.host}"`,
  });
});

export const RIGHT_LEVELS = ["view", "all"] as const;
export const BILLING_TARGETS = ["environment", "accounting-firm"] as const;

export const TechnicalUserRightSchema = z.object({
  right: z
    .string()
    .min(1, "name a right from the catalogue, e.g. sales-invoices")
    .max(64)
    .regex(/^[a-z][a-z0-9-]*$/, "use a kebab-case right key such as sales-invoices"),
  level: z.enum(RIGHT_LEVELS, { error: 'must be "view" or "all"' }),
  purpose: z
    .string({ error: "explain in a sentence why the integration needs this right" })
    .trim()
    .min(10, "explain in a sentence (10+ characters) why the integration needs this right")
    .max(300, "keep the purpose under 300 characters"),
});

export const TechnicalUserSchema = z.object({
  username: z
    .string()
    .min(3, "use 3 to 40 characters")
    .max(40, "use 3 to 40 characters")
    .regex(
      /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/,
      "use lowercase letters, digits, '.', '_' or '-', starting and ending with a letter or digit",
    ),
  displayName: z.string().trim().min(1).max(80).optional(),
  rights: z
    .array(TechnicalUserRightSchema)
    .min(1, "declare at least one right; a technical user without rights cannot call the API"),
});

export const IntegrationDefinitionSchema = z.object({
  $schema: z.string().optional(),
  name: z.string().trim().min(2, "give the integration a name (2 to 80 characters)").max(80),
  description: z
    .string()
    .trim()
    .min(10, "describe the integration in one sentence (10 to 300 characters)")
    .max(300, "keep the description under 300 characters; use longDescription for more"),
  longDescription: z.string().trim().max(4000).optional(),
  logoUrl: HttpsUrlSchema.optional(),
  links: z.object({
    privacyPolicy: HttpsUrlSchema,
    termsOfService: HttpsUrlSchema,
    support: HttpsUrlSchema,
  }),
  callbackUrl: HttpsUrlSchema,
  billing: z
    .enum(BILLING_TARGETS, { error: 'must be "environment" or "accounting-firm"' })
    .default("environment"),
  maxConcurrentActivations: z
    .number({ error: "must be a whole number of at least 1, e.g. 20" })
    .int("must be a whole number of at least 1, e.g. 20")
    .min(1, "must be at least 1")
    .max(10_000)
    .optional(),
  technicalUser: TechnicalUserSchema,
});

/** A definition as written in the file (defaults not yet applied). */
export type IntegrationDefinitionInput = z.input<typeof IntegrationDefinitionSchema>;
/** A valid definition with defaults applied. */
export type IntegrationDefinition = z.output<typeof IntegrationDefinitionSchema>;
export type TechnicalUser = IntegrationDefinition["technicalUser"];
export type TechnicalUserRight = TechnicalUser["rights"][number];
export type RightLevel = (typeof RIGHT_LEVELS)[number];
export type BillingTarget = (typeof BILLING_TARGETS)[number];
