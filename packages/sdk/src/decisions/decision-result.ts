import type {
  ActivationRequest,
  EnvironmentDecision,
  TechnicalUserCredential,
} from "../contract/index.js";

/**
 * What became of one environment:
 * - "approved" / "rejected": this decision applied it;
 * - "already_decided": it was decided before, by another instance or
 *   outside pcx (see `decidedBy` and `status`), and this decision changed nothing;
 * - "expired": the request timed out before it was decided;
 * - "deferred": it is still pending (the decision deferred it or did not name it).
 */
export type EnvironmentResultOutcome =
  | "approved"
  | "rejected"
  | "already_decided"
  | "expired"
  | "deferred";

/** What became of one environment of the request. */
export interface EnvironmentResult {
  companyId: number;
  /** The environment's (company's) name. */
  name: string;
  /** Its Finnish business id (Y-tunnus). */
  businessId: string;
  outcome: EnvironmentResultOutcome;
  /** The environment's status at Procountor after the decision. */
  status: EnvironmentDecision;
  /** The rejection reason the customer reads (this decision's or the first decider's); null otherwise. */
  reason: string | null;
  /**
   * Who decided it, as recorded in the store (`decidedBy` of the decision
   * record); null when nobody with this store decided it (decided elsewhere, or still pending).
   */
  decidedBy: string | null;
}

/** The report of a decision applied to one activation request. */
export interface DecisionResult {
  requestId: number;
  /** The request with each environment's latest known status. */
  request: ActivationRequest;
  /** One entry per environment of the request, by company id. */
  environments: EnvironmentResult[];
  /**
   * The technical users' credentials (username and API key) of the
   * environments THIS decision approved: the integrator's only access to
   * those customers. SECRETS: never log them. Not enumerable, so
   * `JSON.stringify(result)` and `console.log(result)` leave them out; they
   * are also sealed into the store when a sealer is configured.
   */
  readonly credentials: TechnicalUserCredential[];
}
