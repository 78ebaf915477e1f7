import type { ActivationRequest, IntegrationVersion } from "@pcx/sdk/contract";
import { notFound } from "../sandbox-error.js";
import type { UserRow } from "../store/directory-repo.js";
import {
  type CreateCustomerInput,
  type CreatedCustomer,
  createCustomer,
} from "./create-customer.js";
import {
  type CustomerEnvironment,
  describeEnvironments,
  listUpdatableEnvironments,
} from "./customer-environments.js";
import { type CustomerOverview, customerOverview } from "./customer-overview.js";
import { approvedVersionForCustomer } from "./customer-versions.js";
import type { EngineRun } from "./engine-run.js";
import { anyIntegration, publishedVersionOf } from "./integration-access.js";
import {
  callbackUrlFor,
  type StartActivationInput,
  type StartedRequest,
  type StartUpdateInput,
  startActivation,
  startUpdate,
} from "./start-requests.js";
import { activationLinkOf, toActivationRequest, toVersion } from "./views.js";

/** The published integration as the customer's pages show it. */
export interface CustomerIntegration {
  id: number;
  published: IntegrationVersion;
  maxConcurrentActivations: number | null;
  activationLink: string;
}

/** The customer (the pages and the /sandbox admin routes): demo users, their environments and requests. */
export function customerOperations(run: EngineRun) {
  const operations = {
    /** A new customer user with `companies` fresh environments (load tests); see createCustomer. */
    createCustomer(input: CreateCustomerInput): CreatedCustomer {
      return run((ctx) => createCustomer(ctx, input));
    },
    listUsers(): UserRow[] {
      return run((ctx) => ctx.store.directory.listUsers());
    },
    getUser(userId: number): UserRow | undefined {
      return run((ctx) => ctx.store.directory.getUser(userId));
    },
    findUserBySignInName(signInName: string): UserRow | undefined {
      return run((ctx) => ctx.store.directory.findUserBySignInName(signInName));
    },
    /** What the activation link shows; 404 for an unknown id, 409 NOT_PUBLISHED before the first approval. */
    getIntegrationForCustomer(integrationId: number): CustomerIntegration {
      return run((ctx) => {
        const row = anyIntegration(ctx, integrationId);
        return {
          id: row.id,
          published: toVersion(publishedVersionOf(ctx, integrationId)),
          maxConcurrentActivations: row.maxConcurrent,
          activationLink: activationLinkOf(ctx, integrationId),
        };
      });
    },
    /** An approved version of an integration (the update flow's "before"); 404 otherwise. */
    getApprovedVersionForCustomer(integrationId: number, version: number): IntegrationVersion {
      return run((ctx) => approvedVersionForCustomer(ctx, integrationId, version));
    },
    /** All of the user's environments, each with `selectable` and why not. */
    describeEnvironments(userId: number, integrationId: number): CustomerEnvironment[] {
      return run((ctx) => describeEnvironments(ctx, userId, integrationId));
    },
    /** The environment picker: only where the user may activate (legacy manual activations included). */
    listSelectableEnvironments(userId: number, integrationId: number): CustomerEnvironment[] {
      return operations.describeEnvironments(userId, integrationId).filter((env) => env.selectable);
    },
    /** The update flow's picker: UPDATE_REQUIRED environments the user can update. */
    listUpdatableEnvironments(userId: number, integrationId: number): CustomerEnvironment[] {
      return run((ctx) => listUpdatableEnvironments(ctx, userId, integrationId));
    },
    /** Creates a PENDING ACTIVATION request; 422 LIMIT_EXCEEDED over the limit, 400/409 NOT_SELECTABLE. */
    startActivation(input: StartActivationInput): StartedRequest {
      return run((ctx) => startActivation(ctx, input));
    },
    /** Creates a PENDING UPDATE request for UPDATE_REQUIRED environments. */
    startUpdate(input: StartUpdateInput): StartedRequest {
      return run((ctx) => startUpdate(ctx, input));
    },
    /** Any request by id, unscoped (admin routes). */
    getRequest(requestId: number): ActivationRequest {
      return run((ctx) => {
        const row = ctx.store.requests.get(requestId);
        if (!row) throw notFound(`Activation request ${requestId}`);
        return toActivationRequest(ctx, row);
      });
    },
    /** A request as its customer sees it (status page); 404 when it is another user's. */
    getRequestForCustomer(userId: number, requestId: number): ActivationRequest {
      return run((ctx) => {
        const row = ctx.store.requests.get(requestId);
        if (!row || row.userId !== userId) throw notFound(`Activation request ${requestId}`);
        return toActivationRequest(ctx, row);
      });
    },
    /** The integrator's callback URL for a request: `{callbackUrl}?activationRequestId=…&state=…`. */
    callbackUrlFor(requestId: number): string {
      return run((ctx) => {
        const row = ctx.store.requests.get(requestId);
        if (!row) throw notFound(`Activation request ${requestId}`);
        return callbackUrlFor(ctx, toActivationRequest(ctx, row));
      });
    },
    /** The "Hello" widget: latest requests with per-environment status and reasons, updates required. */
    customerOverview(userId: number, limit = 10): CustomerOverview {
      return run((ctx) => customerOverview(ctx, userId, limit));
    },
  };
  return operations;
}

export type CustomerOperations = ReturnType<typeof customerOperations>;
