import { z } from "zod";
import { IntegrationDefinitionSchema } from "../definition/integration-definition-schema.js";
import { IdSchema, TimestampSchema } from "./common-schemas.js";
import { strictBody, strictDeep } from "./strict-schema.js";

/** Modelled: Procountor's review of a definition version. */
export const REVIEW_STATES = ["IN_REVIEW", "APPROVED", "CHANGES_REQUESTED"] as const;
/** Accepts one of `REVIEW_STATES`. */
export const ReviewStateSchema = z.enum(REVIEW_STATES);
/** One of `REVIEW_STATES`. */
export type ReviewState = z.output<typeof ReviewStateSchema>;

/** The definition as sent over the wire: the file minus its editor-only `$schema`. */
export const WireDefinitionSchema = IntegrationDefinitionSchema.omit({ $schema: true });
/** The definition as sent and answered over the wire (no `$schema`). */
export type WireDefinition = z.output<typeof WireDefinitionSchema>;

/** Modelled. One submitted version of the definition and its review. */
export const IntegrationVersionSchema = z.object({
  version: z.number().int().min(1),
  reviewState: ReviewStateSchema,
  reviewComment: z.string().nullable(),
  submittedAt: TimestampSchema,
  reviewedAt: TimestampSchema.nullable(),
  definition: WireDefinitionSchema,
});
/** One submitted version of the definition and its review. */
export type IntegrationVersion = z.output<typeof IntegrationVersionSchema>;

/** Modelled. An integration: its latest and published versions, activation link and limit. */
export const IntegrationSchema = z.object({
  id: IdSchema,
  /** The newest submitted version (may still be in review). */
  latest: IntegrationVersionSchema,
  /** The newest approved version: what customers activate. Null until one is approved. */
  published: IntegrationVersionSchema.nullable(),
  /** Set once a version is approved; stays the same across versions. */
  activationLink: z.url().nullable(),
  maxConcurrentActivations: z.number().int().min(1).nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
/** An integration, as the API answers it. */
export type Integration = z.output<typeof IntegrationSchema>;

/** The definition as a request body takes it (see `CreateIntegrationBodySchema`). */
const WireDefinitionBodySchema = strictDeep(IntegrationDefinitionSchema).transform(
  ({ $schema: _editorOnly, ...wire }): WireDefinition => wire,
);
/**
 * The body of `createIntegration` and `updateIntegration`: `{ definition }`,
 * strict at every level (an unknown or misspelt field is a 400 naming it).
 * The editor-only `$schema` is accepted and dropped, so a definition file's
 * content can be sent as is.
 */
export const CreateIntegrationBodySchema = strictBody({ definition: WireDefinitionBodySchema });
/** The body of `createIntegration`: `{ definition }` (a `$schema` key in it is dropped). */
export type CreateIntegrationBody = z.input<typeof CreateIntegrationBodySchema>;
/** Submitting a definition again creates a new version in review. */
export const UpdateIntegrationBodySchema = CreateIntegrationBodySchema;
/** The body of `updateIntegration`, the same as `CreateIntegrationBody`. */
export type UpdateIntegrationBody = CreateIntegrationBody;

/** Modelled. The integration's concurrent-activation limit. */
export const LimitsSchema = z.object({
  /** How many environments one activation may pick at once; null = no cap. */
  maxConcurrentActivations: z.number().int().min(1).max(10_000).nullable(),
});
/** The concurrent-activation limit: `{ maxConcurrentActivations }`, null for none. */
export type Limits = z.output<typeof LimitsSchema>;
/** The body of `setLimits`: `Limits`, strict. */
export const SetLimitsBodySchema = strictBody(LimitsSchema.shape);
/** The body of `setLimits`. */
export type SetLimitsBody = z.input<typeof SetLimitsBodySchema>;
