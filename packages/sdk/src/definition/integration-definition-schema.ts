import { z } from "zod";
import { docsUrl } from "../docs/docs-url.js";
import { findUnsafeCharacter } from "../text/unsafe-characters.js";
import { rejectUnsafeCharacters } from "./unsafe-text-check.js";

/**
 * The integration definition file (`pcx.integration.json` / `.yaml`),
 * documented in docs/definition.md. Field names are an interface: users write
 * them by hand and CI checks them, so renaming one is a breaking change.
 *
 * Messages say how to fix the problem; `validateDefinition` adds the dot-path.
 * Descriptions (`.meta`) end up in the JSON Schema that editors show as help,
 * and in the "missing field" messages of `validateDefinition`.
 * Custom issues carry `params.code`, which becomes the issue's stable code.
 * Every text field refuses control and bidi characters (`rejectUnsafeCharacters`).
 */

const oneLine = rejectUnsafeCharacters("one-line");
const multiLine = rejectUnsafeCharacters("multi-line");

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https URL; plain http only for localhost so the sandbox works. No user:password part. */
export const HttpsUrlSchema = z
  .string()
  .superRefine((value, ctx) => {
    // The URL parser would percent-encode an ESC in a path, but the text as written is what is shown.
    if (findUnsafeCharacter(value, { allowLineBreaks: false })) {
      oneLine(value, ctx);
      return;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({
        code: "custom",
        message: "must be an absolute URL such as https://example.com/path",
        params: { code: "invalid_url" },
      });
      return;
    }
    if (url.username || url.password) {
      ctx.addIssue({
        code: "custom",
        message: "must not contain a user name or password; remove the part before @",
        params: { code: "invalid_url" },
      });
      return;
    }
    if (url.protocol === "https:") return;
    if (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)) return;
    ctx.addIssue({
      code: "custom",
      message: `must use https:// (plain http is allowed only for localhost), got "${url.protocol}//${url.host}"`,
      params: { code: "insecure_url" },
    });
  })
  .meta({ format: "uri" });

/** A right's level: "view" (Procountor's viewing rights) or "all" (all rights). */
export const RIGHT_LEVELS = ["view", "all"] as const;
/** Who pays the API fee: the activated environment, or its accounting firm. */
export const BILLING_TARGETS = ["environment", "accounting-firm"] as const;

/** One right of the technical user: the right's key, its level and why it is needed. */
export const TechnicalUserRightSchema = z.object({
  right: z
    .string({ error: "name a right from the catalogue, e.g. sales-invoices" })
    .min(1, "name a right from the catalogue, e.g. sales-invoices")
    .max(64, "right keys are at most 64 characters; use a key from the catalogue")
    .regex(/^[a-z][a-z0-9-]*$/, "use a kebab-case right key such as sales-invoices")
    .meta({
      description:
        "A right key from the pcx rights catalogue (kebab-case), e.g. sales-invoices. Keys not in the catalogue are allowed with a warning, because Procountor's public list of rights is incomplete.",
      examples: ["sales-invoices", "business-partners"],
    }),
  level: z.enum(RIGHT_LEVELS, { error: 'must be "view" or "all"' }).meta({
    description:
      '"view" (viewing rights: read only) or "all" (all rights: create, edit and delete). Prefer "view" when the integration only reads.',
  }),
  purpose: z
    .string({ error: "explain in a sentence why the integration needs this right" })
    .trim()
    .min(10, "explain in a sentence (10+ characters) why the integration needs this right")
    .max(300, "keep the purpose under 300 characters")
    .superRefine(multiLine)
    .meta({
      description:
        "Why the integration needs this right, in one sentence that customers and Procountor's reviewers read (10-300 characters).",
      examples: ["Creates sales invoices from shop orders."],
    }),
});

/** The technical user Procountor adds to each activated environment: username, display name, rights. */
export const TechnicalUserSchema = z.object({
  username: z
    .string({ error: "give the technical user a username such as acme-invoice-sync" })
    .min(3, "use 3 to 40 characters")
    .max(40, "use 3 to 40 characters")
    .regex(
      /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/,
      "use lowercase letters, digits, '.', '_' or '-', starting and ending with a letter or digit",
    )
    .meta({
      description:
        "The technical user's username (3-40 characters: lowercase letters, digits, '.', '_', '-'). Changing it later makes every customer accept an update.",
      examples: ["acme-invoice-sync"],
    }),
  displayName: z
    .string()
    .trim()
    .min(1, "leave displayName out or give it 1 to 80 characters")
    .max(80, "keep displayName under 80 characters")
    .superRefine(oneLine)
    .optional()
    .meta({
      description:
        "Optional: the name shown for the technical user (1-80 characters); defaults to the username.",
      examples: ["Acme Invoice Sync"],
    }),
  rights: z
    .array(TechnicalUserRightSchema, {
      error:
        "list the technical user's rights, e.g. [{ right: sales-invoices, level: all, purpose: … }]",
    })
    .min(1, "declare at least one right; a technical user without rights cannot call the API")
    .max(50, "declare at most 50 rights; the integration should need far fewer")
    .superRefine(
      (rights, ctx) => {
        // Runs even when some entries are broken (`when`), so every duplicate is
        // reported together with the other issues; entries may be any value here.
        const firstIndex = new Map<string, number>();
        rights.forEach((entry, index) => {
          const key = (entry as { right?: unknown } | null)?.right;
          if (typeof key !== "string") return;
          const first = firstIndex.get(key);
          if (first === undefined) {
            firstIndex.set(key, index);
            return;
          }
          ctx.addIssue({
            code: "custom",
            path: [index, "right"],
            message: `"${key}" is already listed at technicalUser.rights[${first}]; list each right once, with the highest level it needs`,
            params: { code: "duplicate_right" },
          });
        });
      },
      { when: (payload) => Array.isArray(payload.value) },
    )
    .meta({
      description:
        "The rights the technical user gets, one entry per right. Keep them to what the integration really needs: Procountor reviews them and customers accept them.",
    }),
});

/** The integration definition file's schema; `validateDefinition` and `loadDefinition` apply it with readable issues. */
export const IntegrationDefinitionSchema = z
  .object({
    $schema: z.string().superRefine(oneLine).optional().meta({
      description:
        "Path or URL of this JSON Schema, for editor completion. Editor-only: pcx never sends it to Procountor.",
    }),
    name: z
      .string({ error: "give the integration a name (2 to 80 characters)" })
      .trim()
      .min(2, "give the integration a name (2 to 80 characters)")
      .max(80, "keep the name under 80 characters")
      .superRefine(oneLine)
      .meta({
        description:
          "The integration's name as customers see it when they activate (2-80 characters).",
        examples: ["Acme Invoice Sync"],
      }),
    description: z
      .string({ error: "describe the integration in one sentence (10 to 300 characters)" })
      .trim()
      .min(10, "describe the integration in one sentence (10 to 300 characters)")
      .max(300, "keep the description under 300 characters; use longDescription for more")
      .superRefine(multiLine)
      .meta({
        description: "One sentence shown to customers before they activate (10-300 characters).",
        examples: ["Sends sales invoices from Acme Shop to Procountor."],
      }),
    longDescription: z
      .string()
      .trim()
      .max(4000, "keep longDescription under 4000 characters")
      .superRefine(multiLine)
      .optional()
      .meta({ description: "Optional: a longer description (up to 4000 characters)." }),
    logoUrl: HttpsUrlSchema.optional().meta({
      description: "Optional: the https URL of the integration's logo.",
      examples: ["https://acme.example/logo.png"],
    }),
    links: z
      .object(
        {
          privacyPolicy: HttpsUrlSchema.meta({
            description: "The https URL of your privacy policy.",
            examples: ["https://acme.example/privacy"],
          }),
          termsOfService: HttpsUrlSchema.meta({
            description: "The https URL of your terms of service.",
            examples: ["https://acme.example/terms"],
          }),
          support: HttpsUrlSchema.meta({
            description: "The https URL of your support page or contact form.",
            examples: ["https://acme.example/support"],
          }),
        },
        { error: "add links with privacyPolicy, termsOfService and support URLs" },
      )
      .meta({
        description:
          "Links Procountor shows to customers; Procountor requires all three for an integration specification.",
      }),
    callbackUrl: HttpsUrlSchema.superRefine((value, ctx) => {
      if (value.includes("#")) {
        ctx.addIssue({
          code: "custom",
          message: "must not contain a #fragment; Procountor appends query parameters to this URL",
          params: { code: "invalid_url" },
        });
      }
    }).meta({
      description:
        "The https URL where Procountor sends the customer (in a new tab) after they start an activation, with activationRequestId and state in the query. http is allowed only for localhost.",
      examples: ["https://acme.example/procountor/callback"],
    }),
    billing: z
      .enum(BILLING_TARGETS, { error: 'must be "environment" or "accounting-firm"' })
      .default("environment")
      .meta({
        description:
          'Who is billed the API monthly fee: "environment" (the activated company; the default) or "accounting-firm" (only for software Procountor approves for accounting-firm invoicing).',
      }),
    maxConcurrentActivations: z
      .number({ error: "must be a whole number of at least 1, e.g. 20" })
      .int("must be a whole number of at least 1, e.g. 20")
      .min(1, "must be at least 1")
      .max(10_000, "must be at most 10000")
      .optional()
      .meta({
        description:
          "Optional: a cap on how many environments can be activated at once (1-10000); customers see it. Leave it out for no cap.",
        examples: [20],
      }),
    technicalUser: TechnicalUserSchema.meta({
      description:
        "The non-human user Procountor adds to each activated environment. Customers see its username and rights and cannot edit them.",
    }),
  })
  .meta({
    title: "pcx integration definition",
    description: `A Procountor self-service integration definition (pcx.integration.yaml or .json). Reference: ${docsUrl("definition")}`,
  });

/** A definition as written in the file (defaults not yet applied). */
export type IntegrationDefinitionInput = z.input<typeof IntegrationDefinitionSchema>;
/** A valid definition with defaults applied. */
export type IntegrationDefinition = z.output<typeof IntegrationDefinitionSchema>;
/** The technical user of a valid definition. */
export type TechnicalUser = IntegrationDefinition["technicalUser"];
/** One right of the technical user. */
export type TechnicalUserRight = TechnicalUser["rights"][number];
/** One of `RIGHT_LEVELS`. */
export type RightLevel = (typeof RIGHT_LEVELS)[number];
/** One of `BILLING_TARGETS`. */
export type BillingTarget = (typeof BILLING_TARGETS)[number];
