import { z } from "zod";
import { IdSchema, TimestampSchema } from "./common-schemas.js";
import { strictBody } from "./strict-schema.js";

/** Modelled. Status of one environment within an activation request. */
export const ENVIRONMENT_DECISIONS = ["PENDING", "APPROVED", "REJECTED", "EXPIRED"] as const;
export const EnvironmentDecisionSchema = z.enum(ENVIRONMENT_DECISIONS);
export type EnvironmentDecision = z.output<typeof EnvironmentDecisionSchema>;

/** PENDING while any environment waits; COMPLETED when all are decided; EXPIRED when the TTL ran out first. */
export const REQUEST_STATUSES = ["PENDING", "COMPLETED", "EXPIRED"] as const;
export const RequestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.output<typeof RequestStatusSchema>;

/** A first activation, or the customer's acceptance of an "Update required". */
export const REQUEST_KINDS = ["ACTIVATION", "UPDATE"] as const;
export const RequestKindSchema = z.enum(REQUEST_KINDS);
export type RequestKind = z.output<typeof RequestKindSchema>;

export const RequestEnvironmentSchema = z.object({
  companyId: IdSchema,
  name: z.string(),
  /** Finnish business id (Y-tunnus), e.g. 1234567-8. */
  businessId: z.string(),
  status: EnvironmentDecisionSchema,
  /** The integrator's reason, shown to the customer on rejection. */
  reason: z.string().nullable(),
  decidedAt: TimestampSchema.nullable(),
});
export type RequestEnvironment = z.output<typeof RequestEnvironmentSchema>;

export const ActivationRequestSchema = z.object({
  id: IdSchema,
  integrationId: IdSchema,
  integrationVersion: z.number().int().min(1),
  kind: RequestKindSchema,
  status: RequestStatusSchema,
  requestedBy: z.object({ userId: IdSchema, name: z.string(), email: z.string() }),
  /** The `state` query value of the activation link, passed through untouched. */
  state: z.string().nullable(),
  environments: z.array(RequestEnvironmentSchema).min(1),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
});
export type ActivationRequest = z.output<typeof ActivationRequestSchema>;

export const ActivationRequestQuerySchema = z.object({ status: RequestStatusSchema.optional() });

/**
 * Omit `environments` to decide every environment still pending. Strict: a
 * misspelt `enviroments` is a 400 naming it, not an approval of everything.
 */
export const ApproveBodySchema = strictBody({
  environments: z.array(IdSchema).min(1).optional(),
});
export type ApproveBody = z.output<typeof ApproveBodySchema>;

/** Strict, like every request body. */
export const RejectBodySchema = strictBody({
  reason: z.string().trim().min(1, "give the customer a reason").max(500),
  environments: z.array(IdSchema).min(1).optional(),
});
export type RejectBody = z.output<typeof RejectBodySchema>;

/** What an approval hands the integrator, per approved environment. */
export const TechnicalUserCredentialSchema = z.object({
  companyId: IdSchema,
  username: z.string(),
  /** The technical user's M2M API key for this environment. A secret: store encrypted, never log. */
  apiKey: z.string(),
});
export type TechnicalUserCredential = z.output<typeof TechnicalUserCredentialSchema>;

export const ApproveResultSchema = z.object({
  request: ActivationRequestSchema,
  credentials: z.array(TechnicalUserCredentialSchema),
});
export type ApproveResult = z.output<typeof ApproveResultSchema>;

export const RejectResultSchema = z.object({ request: ActivationRequestSchema });
export type RejectResult = z.output<typeof RejectResultSchema>;

/** Modelled. An integration's standing in one environment. */
export const ACTIVATION_STATUSES = ["ACTIVE", "UPDATE_REQUIRED", "REMOVED"] as const;
export const ActivationStatusSchema = z.enum(ACTIVATION_STATUSES);
export type ActivationStatus = z.output<typeof ActivationStatusSchema>;

export const ActivationSchema = z.object({
  companyId: IdSchema,
  companyName: z.string(),
  businessId: z.string(),
  /** The definition version whose rights are in force in this environment. */
  version: z.number().int().min(1),
  status: ActivationStatusSchema,
  technicalUsername: z.string(),
  activatedAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Activation = z.output<typeof ActivationSchema>;

export const ActivationQuerySchema = z.object({ status: ActivationStatusSchema.optional() });
