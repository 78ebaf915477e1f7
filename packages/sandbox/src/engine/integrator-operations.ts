import { deactivate, listActivations } from "./activations.js";
import {
  approveRequest,
  getActivationRequest,
  listActivationRequestsOf,
  rejectRequest,
} from "./decisions.js";
import { boundToRun, type EngineRun } from "./engine-run.js";
import { runIdempotent } from "./idempotency.js";
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
 * client that makes it (its first argument, `clientId`): another client's
 * integrations and requests are 404.
 */
export function integratorOperations(run: EngineRun) {
  return {
    createIntegration: boundToRun(run, createIntegration),
    listIntegrations: boundToRun(run, listIntegrations),
    getIntegration: boundToRun(run, getIntegration),
    updateIntegration: boundToRun(run, updateIntegration),
    getLimits: boundToRun(run, getLimits),
    setLimits: boundToRun(run, setLimits),
    listActivationRequests: boundToRun(run, listActivationRequestsOf),
    getActivationRequest: boundToRun(run, getActivationRequest),
    approveActivationRequest: boundToRun(run, approveRequest),
    rejectActivationRequest: boundToRun(run, rejectRequest),
    listActivations: boundToRun(run, listActivations),
    deactivate: boundToRun(run, deactivate),
    /** Applies `apply` once per (client, Idempotency-Key); see docs/contract.md "Idempotency". */
    idempotent: boundToRun(run, runIdempotent),
  };
}

export type IntegratorOperations = ReturnType<typeof integratorOperations>;
