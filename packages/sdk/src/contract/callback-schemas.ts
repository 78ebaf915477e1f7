import { z } from "zod";
import { CanonicalIdParamSchema } from "./canonical-id.js";
import { MAX_STATE_LENGTH } from "./max-state-length.js";

/**
 * The query of the callback redirect: Procountor sends the customer to
 * `{callbackUrl}?activationRequestId=…&state=…`, `state` only when the
 * activation link carried one. Modelled: Procountor says it passes the
 * activation request to the callback URL but does not publish the names.
 * Not strict: the integrator's callback URL may carry query parameters of
 * its own, which arrive beside these two.
 */
export const CallbackQuerySchema = z.object({
  /**
   * The activation request to read and decide through the partner API, in
   * canonical decimal (`canonicalId`): `" 1"`, `"1.0"`, `"01"` and `"0x1"`
   * are not request 1, so one request has one callback URL.
   */
  activationRequestId: CanonicalIdParamSchema,
  /** The activation link's `state`, untouched; at most `MAX_STATE_LENGTH` characters. */
  state: z.string().max(MAX_STATE_LENGTH).optional(),
});
/** The parsed callback query: `{ activationRequestId, state? }`. */
export type CallbackQuery = z.output<typeof CallbackQuerySchema>;
