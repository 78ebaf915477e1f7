import type {
  Activation,
  ActivationRequest,
  ActivationStatus,
  ApproveBody,
  ApproveResult,
  Integration,
  Limits,
  Page,
  PageQuery,
  RejectBody,
  RejectResult,
  RequestStatus,
  WireDefinition,
} from "@pcx/sdk/contract";
import { deactivate, listActivations } from "./activations.js";
import {
  approveRequest,
  getActivationRequest,
  listActivationRequestsOf,
  rejectRequest,
} from "./decisions.js";
import type { EngineRun } from "./engine-run.js";
import { runIdempotent, type StoredAnswer } from "./idempotency.js";
import {
  createIntegration,
  getIntegration,
  getLimits,
  listIntegrations,
  setLimits,
  updateIntegration,
} from "./integrations.js";

/**
 * The integrator's side (the partner API), each call scoped to the API
 * client that makes it: another client's integrations and requests are 404.
 */
export function integratorOperations(run: EngineRun) {
  return {
    createIntegration(clientId: string, definition: WireDefinition): Integration {
      return run((ctx) => createIntegration(ctx, clientId, definition));
    },
    listIntegrations(clientId: string, query: PageQuery): Page<Integration> {
      return run((ctx) => listIntegrations(ctx, clientId, query));
    },
    getIntegration(clientId: string, integrationId: number): Integration {
      return run((ctx) => getIntegration(ctx, clientId, integrationId));
    },
    updateIntegration(
      clientId: string,
      integrationId: number,
      definition: WireDefinition,
    ): Integration {
      return run((ctx) => updateIntegration(ctx, clientId, integrationId, definition));
    },
    getLimits(clientId: string, integrationId: number): Limits {
      return run((ctx) => getLimits(ctx, clientId, integrationId));
    },
    setLimits(clientId: string, integrationId: number, limits: Limits): Limits {
      return run((ctx) => setLimits(ctx, clientId, integrationId, limits));
    },
    listActivationRequests(
      clientId: string,
      integrationId: number,
      query: PageQuery & { status?: RequestStatus | undefined },
    ): Page<ActivationRequest> {
      return run((ctx) => listActivationRequestsOf(ctx, clientId, integrationId, query));
    },
    getActivationRequest(clientId: string, requestId: number): ActivationRequest {
      return run((ctx) => getActivationRequest(ctx, clientId, requestId));
    },
    approveActivationRequest(
      clientId: string,
      requestId: number,
      body: ApproveBody,
    ): ApproveResult {
      return run((ctx) => approveRequest(ctx, clientId, requestId, body));
    },
    rejectActivationRequest(clientId: string, requestId: number, body: RejectBody): RejectResult {
      return run((ctx) => rejectRequest(ctx, clientId, requestId, body));
    },
    listActivations(
      clientId: string,
      integrationId: number,
      query: PageQuery & { status?: ActivationStatus | undefined },
    ): Page<Activation> {
      return run((ctx) => listActivations(ctx, clientId, integrationId, query));
    },
    deactivate(clientId: string, integrationId: number, companyId: number): Activation {
      return run((ctx) => deactivate(ctx, clientId, integrationId, companyId));
    },
    /** Applies `apply` once per (client, Idempotency-Key); see docs/contract.md "Idempotency". */
    idempotent(
      clientId: string,
      key: string,
      fingerprint: string,
      apply: () => StoredAnswer,
    ): StoredAnswer & { replayed: boolean } {
      return run((ctx) => runIdempotent(ctx, clientId, key, fingerprint, apply));
    },
  };
}

export type IntegratorOperations = ReturnType<typeof integratorOperations>;
