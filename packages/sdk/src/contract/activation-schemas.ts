import { z } from "zod";
import { IdSchema, TimestampSchema } from "./common-schemas.js";
import { strictBody } from "./strict-schema.js";

/** Modelled. Status of one environment within an activation request. */
export const ENVIRONMENT_DECISIONS = ["PENDING", "APPROVED", "REJECTED", "EXPIRED"] as const;
/** Accepts one of `ENVIRONMENT_DECISIONS`. */
export const EnvironmentDecisionSchema = z.enum(ENVIRONMENT_DECISIONS);
/** One of `ENVIRONMENT_DECISIONS`. */
export type EnvironmentDecision = z.output<typeof EnvironmentDecisionSchema>;

/** PENDING while any environment waits; COMPLETED when all are decided; EXPIRED when the TTL ran out first. */
export const REQUEST_STATUSES = ["PENDING", "COMPLETED", "EXPIRED"] as const;
/** Accepts one of `REQUEST_STATUSES`. */
export const RequestStatusSchema = z.enum(REQUEST_STATUSES);
/** One of `REQUEST_STATUSES`. */
export type RequestStatus = z.output<typeof RequestStatusSchema>;

/** A first activation, or the customer's acceptance of an "Update required". */
export const REQUEST_KINDS = ["ACTIVATION", "UPDATE"] as const;
/** Accepts one of `REQUEST_KINDS`. */
export const RequestKindSchema = z.enum(REQUEST_KINDS);
/** One of `REQUEST_KINDS`. */
export type RequestKind = z.output<typeof RequestKindSchema>;

/** Modelled. One environment (company) of an activation request and its decision. */
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
/** One environment of an activation request and its decision. */
export type RequestEnvironment = z.output<typeof RequestEnvironmentSchema>;

/** Modelled. A customer's request to activate (or update) the integration in one or more environments; the integrator decides it per environment. */
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
/** An activation request, as the API answers it. */
export type ActivationRequest = z.output<typeof ActivationRequestSchema>;

/** The query of `listActivationRequests` beside paging: an optional status filter. */
export const ActivationRequestQuerySchema = z.object({ status: RequestStatusSchema.optional() });

/**
 * Omit `environments` to decide every environment still pending. Strict: a
 * misspelt `enviroments` is a 400 naming it, not an approval of everything.
 */
export const ApproveBodySchema = strictBody({
  environments: z.array(IdSchema).min(1).optional(),
});
/** The body of `approveActivationRequest`. */
export type ApproveBody = z.output<typeof ApproveBodySchema>;

/** Strict, like every request body. */
export const RejectBodySchema = strictBody({
  reason: z.string().trim().min(1, "give the customer a reason").max(500),
  environments: z.array(IdSchema).min(1).optional(),
});
/** The body of `rejectActivationRequest`. */
export type RejectBody = z.output<typeof RejectBodySchema>;

/** What an approval hands the integrator, per approved environment. */
export const TechnicalUserCredentialSchema = z.object({
  companyId: IdSchema,
  username: z.string(),
  /** The technical user's M2M API key for this environment. A secret: store encrypted, never log. */
  apiKey: z.string(),
});
/** The technical user's credential for one approved environment (`apiKey` is a secret). */
export type TechnicalUserCredential = z.output<typeof TechnicalUserCredentialSchema>;

/** Modelled. The answer to an approval: the request as it stands now and a credential per environment approved by this call. */
export const ApproveResultSchema = z.object({
  request: ActivationRequestSchema,
  credentials: z.array(TechnicalUserCredentialSchema),
});
/** The answer to an approval. */
export type ApproveResult = z.output<typeof ApproveResultSchema>;

/** Modelled. The answer to a rejection: the request as it stands now. */
export const RejectResultSchema = z.object({ request: ActivationRequestSchema });
/** The answer to a rejection. */
export type RejectResult = z.output<typeof RejectResultSchema>;

/** Modelled. An integration's standing in one environment. */
export const ACTIVATION_STATUSES = ["ACTIVE", "UPDATE_REQUIRED", "REMOVED"] as const;
/** Accepts one of `ACTIVATION_STATUSES`. */
export const ActivationStatusSchema = z.enum(ACTIVATION_STATUSES);
/** One of `ACTIVATION_STATUSES`. */
export type ActivationStatus = z.output<typeof ActivationStatusSchema>;

/** Modelled. The integration's activation in one environment: version in force and status. */
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
/** An activation, as the API answers it. */
export type Activation = z.output<typeof ActivationSchema>;

/** The query of `listActivations` beside paging: an optional status filter. */
export const ActivationQuerySchema = z.object({ status: ActivationStatusSchema.optional() });
