import { z } from "zod";
import {
  ActivationQuerySchema,
  ActivationRequestQuerySchema,
  ActivationRequestSchema,
  ActivationSchema,
  ApproveBodySchema,
  ApproveResultSchema,
  RejectBodySchema,
  RejectResultSchema,
} from "./activation-schemas.js";
import { IdParamSchema, PageQuerySchema, pageOf } from "./common-schemas.js";
import {
  CreateIntegrationBodySchema,
  IntegrationSchema,
  LimitsSchema,
  SetLimitsBodySchema,
  UpdateIntegrationBodySchema,
} from "./integration-schemas.js";
import { TokenRequestSchema, TokenResponseSchema } from "./oauth-schemas.js";

/**
 * The route table: every endpoint pcx calls, in one place. The SDK client
 * builds its requests from it and the sandbox serves it, so the two cannot
 * drift. `source` says whether Procountor publishes the endpoint or pcx
 * models it (docs/contract.md); if Procountor's partner API differs, this
 * file and the schemas beside it are what change.
 */
export interface RouteSpec {
  readonly operationId: string;
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Relative to the API base (e.g. https://api.procountor.com/api); `{name}` marks a path parameter. */
  readonly path: string;
  readonly summary: string;
  readonly source: "published" | "modelled";
  /** `client-credentials`: the token endpoint itself; `bearer`: needs an access token. */
  readonly auth: "client-credentials" | "bearer";
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly bodyEncoding?: "json" | "form";
  readonly response: z.ZodType;
  readonly successStatus: number;
  /** Mutating calls carry an `Idempotency-Key`; a replay with the same key and body answers the first result. */
  readonly idempotent: boolean;
}

const IdParams = z.object({ id: IdParamSchema });
const CompanyParams = z.object({ id: IdParamSchema, companyId: IdParamSchema });

/** Every route of the contract by operation id; see `RouteSpec`. */
export const routes = {
  getToken: {
    operationId: "getToken",
    method: "POST",
    path: "/oauth/token",
    summary: "Exchange client credentials and an API key for an access token (M2M).",
    source: "published",
    auth: "client-credentials",
    body: TokenRequestSchema,
    bodyEncoding: "form",
    response: TokenResponseSchema,
    successStatus: 200,
    idempotent: false,
  },
  listIntegrations: {
    operationId: "listIntegrations",
    method: "GET",
    path: "/integrations",
    summary: "The integrator's integrations.",
    source: "modelled",
    auth: "bearer",
    query: PageQuerySchema,
    response: pageOf(IntegrationSchema),
    successStatus: 200,
    idempotent: false,
  },
  createIntegration: {
    operationId: "createIntegration",
    method: "POST",
    path: "/integrations",
    summary: "Submit a new integration definition; version 1 goes to review.",
    source: "modelled",
    auth: "bearer",
    body: CreateIntegrationBodySchema,
    response: IntegrationSchema,
    successStatus: 201,
    idempotent: true,
  },
  getIntegration: {
    operationId: "getIntegration",
    method: "GET",
    path: "/integrations/{id}",
    summary: "An integration with its latest and published versions and its activation link.",
    source: "modelled",
    auth: "bearer",
    params: IdParams,
    response: IntegrationSchema,
    successStatus: 200,
    idempotent: false,
  },
  updateIntegration: {
    operationId: "updateIntegration",
    method: "PUT",
    path: "/integrations/{id}",
    summary: "Submit a new version of the definition; it goes to review.",
    source: "modelled",
    auth: "bearer",
    params: IdParams,
    body: UpdateIntegrationBodySchema,
    response: IntegrationSchema,
    successStatus: 200,
    idempotent: true,
  },
  getLimits: {
    operationId: "getLimits",
    method: "GET",
    path: "/integrations/{id}/limits",
    summary: "The concurrent-activation limit.",
    source: "modelled",
    auth: "bearer",
    params: IdParams,
    response: LimitsSchema,
    successStatus: 200,
    idempotent: false,
  },
  setLimits: {
    operationId: "setLimits",
    method: "PUT",
    path: "/integrations/{id}/limits",
    summary: "Set the concurrent-activation limit; applies at once, without review.",
    source: "modelled",
    auth: "bearer",
    params: IdParams,
    body: SetLimitsBodySchema,
    response: LimitsSchema,
    successStatus: 200,
    idempotent: true,
  },
  listActivationRequests: {
    operationId: "listActivationRequests",
    method: "GET",
    path: "/integrations/{id}/activation-requests",
    summary: "Activation requests of an integration, newest first.",
    source: "modelled",
    auth: "bearer",
    params: IdParams,
    query: PageQuerySchema.extend(ActivationRequestQuerySchema.shape),
    response: pageOf(ActivationRequestSchema),
    successStatus: 200,
    idempotent: false,
  },
  getActivationRequest: {
    operationId: "getActivationRequest",
    method: "GET",
    path: "/activation-requests/{id}",
    summary: "One activation request with its environments and the link's state.",
    source: "modelled",
    auth: "bearer",
    params: IdParams,
    response: ActivationRequestSchema,
    successStatus: 200,
    idempotent: false,
  },
  approveActivationRequest: {
    operationId: "approveActivationRequest",
    method: "POST",
    path: "/activation-requests/{id}/approve",
    summary:
      "Approve all pending environments, or the listed ones; answers the technical user's API key per environment.",
    source: "modelled",
    auth: "bearer",
    params: IdParams,
    body: ApproveBodySchema,
    response: ApproveResultSchema,
    successStatus: 200,
    idempotent: true,
  },
  rejectActivationRequest: {
    operationId: "rejectActivationRequest",
    method: "POST",
    path: "/activation-requests/{id}/reject",
    summary:
      "Reject all pending environments, or the listed ones, with a reason shown to the customer.",
    source: "modelled",
    auth: "bearer",
    params: IdParams,
    body: RejectBodySchema,
    response: RejectResultSchema,
    successStatus: 200,
    idempotent: true,
  },
  listActivations: {
    operationId: "listActivations",
    method: "GET",
    path: "/integrations/{id}/activations",
    summary:
      "The integration's standing per environment: version and ACTIVE / UPDATE_REQUIRED / REMOVED.",
    source: "modelled",
    auth: "bearer",
    params: IdParams,
    query: PageQuerySchema.extend(ActivationQuerySchema.shape),
    response: pageOf(ActivationSchema),
    successStatus: 200,
    idempotent: false,
  },
  deactivate: {
    operationId: "deactivate",
    method: "POST",
    path: "/integrations/{id}/activations/{companyId}/deactivate",
    summary:
      "Remove the integration from one environment (the technical user's key stops working).",
    source: "modelled",
    auth: "bearer",
    params: CompanyParams,
    response: ActivationSchema,
    successStatus: 200,
    idempotent: true,
  },
} as const satisfies Record<string, RouteSpec>;

/** The type of `routes`. */
export type Routes = typeof routes;
/** An operation id: a key of `routes`. */
export type RouteName = keyof Routes;
type Out<T> = T extends z.ZodType ? z.output<T> : never;
type In<T> = T extends z.ZodType ? z.input<T> : never;
/** The parsed response of a route. */
export type RouteResponse<N extends RouteName> = Out<Routes[N]["response"]>;
/** The body a caller sends to a route. */
export type RouteBody<N extends RouteName> = Routes[N] extends { body: infer B } ? In<B> : never;
