import type { RouteName, RouteResponse, Routes } from "@pcx/sdk/contract";
import type { z } from "zod";
import type { SandboxEngine } from "../engine/sandbox-engine.js";

type Params<N extends RouteName> = Routes[N] extends { params: infer P extends z.ZodType }
  ? z.output<P>
  : undefined;
type Query<N extends RouteName> = Routes[N] extends { query: infer Q extends z.ZodType }
  ? z.output<Q>
  : undefined;
type Body<N extends RouteName> = Routes[N] extends { body: infer B extends z.ZodType }
  ? z.output<B>
  : undefined;

/** A validated request to one contract route, made by one API client. */
export interface OperationInput<N extends RouteName> {
  clientId: string;
  params: Params<N>;
  query: Query<N>;
  body: Body<N>;
}

type ApiRouteName = Exclude<RouteName, "getToken">;

/** Each contract route (except the token endpoint) → the engine call that answers it. */
export const apiOperations: {
  [N in ApiRouteName]: (engine: SandboxEngine, input: OperationInput<N>) => RouteResponse<N>;
} = {
  listIntegrations: (engine, { clientId, query }) => engine.listIntegrations(clientId, query),
  createIntegration: (engine, { clientId, body }) =>
    engine.createIntegration(clientId, body.definition),
  getIntegration: (engine, { clientId, params }) => engine.getIntegration(clientId, params.id),
  updateIntegration: (engine, { clientId, params, body }) =>
    engine.updateIntegration(clientId, params.id, body.definition),
  getLimits: (engine, { clientId, params }) => engine.getLimits(clientId, params.id),
  setLimits: (engine, { clientId, params, body }) => engine.setLimits(clientId, params.id, body),
  listActivationRequests: (engine, { clientId, params, query }) =>
    engine.listActivationRequests(clientId, params.id, query),
  getActivationRequest: (engine, { clientId, params }) =>
    engine.getActivationRequest(clientId, params.id),
  approveActivationRequest: (engine, { clientId, params, body }) =>
    engine.approveActivationRequest(clientId, params.id, body),
  rejectActivationRequest: (engine, { clientId, params, body }) =>
    engine.rejectActivationRequest(clientId, params.id, body),
  listActivations: (engine, { clientId, params, query }) =>
    engine.listActivations(clientId, params.id, query),
  deactivate: (engine, { clientId, params }) =>
    engine.deactivate(clientId, params.id, params.companyId),
};

export function isApiRoute(name: string): name is ApiRouteName {
  return Object.hasOwn(apiOperations, name);
}
