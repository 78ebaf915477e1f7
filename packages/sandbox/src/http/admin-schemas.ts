import { z } from "zod";

/**
 * Bodies of the sandbox-only admin routes (/sandbox/…); not part of the
 * contract. Strict like the contract's bodies: an unknown field is a 400 naming it.
 */

const Id = z.number().int().positive();

export const ReviewBodySchema = z.strictObject({
  decision: z.enum(["approve", "request-changes"], {
    error: 'must be "approve" or "request-changes"',
  }),
  comment: z.string().trim().max(2000).optional(),
  /** Defaults to the latest version; anything else is refused. */
  version: z.number().int().min(1).optional(),
});

export const StartActivationBodySchema = z.strictObject({
  /** Default: the demo user (1). */
  userId: Id.optional(),
  integrationId: Id,
  companyIds: z.array(Id),
  state: z.string().nullable().optional(),
});

export const StartUpdateBodySchema = z.strictObject({
  userId: Id.optional(),
  integrationId: Id,
  /** Default: every environment where the user can update. */
  companyIds: z.array(Id).optional(),
});

export const IntrospectBodySchema = z.strictObject({ token: z.string().min(1) });

export const EnvironmentsQuerySchema = z.object({
  integrationId: z.coerce.number().int().positive(),
  /** "true": only the environments the picker lists. */
  selectable: z.enum(["true", "false"]).optional(),
});

/** POST /sandbox/clock: how far to move the clock, as milliseconds or a duration ("16m", "1h30m"). */
export const AdvanceClockBodySchema = z
  .strictObject({
    ms: z.number().int().min(0).optional(),
    by: z.string().trim().min(1).max(40).optional(),
  })
  .refine((body) => (body.ms === undefined) !== (body.by === undefined), {
    error: 'give exactly one of "ms" (milliseconds) or "by" (a duration such as "16m")',
  });

export const OutboxQuerySchema = z.strictObject({
  userId: z.coerce.number().int().positive().optional(),
  requestId: z.coerce.number().int().positive().optional(),
});

export const CreateCustomerBodySchema = z.strictObject({
  /** Environments of the new customer, 1–50. */
  companies: z.number().int().min(1).max(50),
});
