import type { ActivationStatus } from "@pcx/sdk/contract";
import { notFound } from "../sandbox-error.js";
import type { UserRow } from "../store/directory-repo.js";
import type { EngineContext } from "./engine-context.js";
import { anyIntegration } from "./integration-access.js";

/** Why an environment cannot be picked for a (first) activation. */
export type NotSelectableReason =
  | "NO_USER_MANAGEMENT"
  | "ACTIVE"
  | "UPDATE_REQUIRED"
  | "REQUEST_PENDING";

/** One of the user's environments as the activation pages see it. */
export interface CustomerEnvironment {
  companyId: number;
  name: string;
  businessId: string;
  /** The user has all rights to user management here (needed to activate or update). */
  userManagement: boolean;
  /** Activated through the old manual flow; still selectable; the self-service flow offers it like any other. */
  legacyManualActivation: boolean;
  /** This integration's activation here, if any (REMOVED counts as none for selection). */
  activation: { status: ActivationStatus; version: number } | null;
  /** The pending request that holds this environment for this integration, if any. */
  pendingRequestId: number | null;
  /** Can be picked for an activation now. */
  selectable: boolean;
  /** Why not, when `selectable` is false. */
  notSelectableReason: NotSelectableReason | null;
}

export function customerOf(ctx: EngineContext, userId: number): UserRow {
  const user = ctx.store.directory.getUser(userId);
  if (!user) throw notFound(`User ${userId}`);
  return user;
}

/** Every environment of the user, each with whether (and why not) it can be picked. */
export function describeEnvironments(
  ctx: EngineContext,
  userId: number,
  integrationId: number,
): CustomerEnvironment[] {
  customerOf(ctx, userId);
  anyIntegration(ctx, integrationId);
  return ctx.store.directory.membershipsOf(userId).map((company) => {
    const found = ctx.store.activations.get(integrationId, company.id);
    const activation = found ? { status: found.status, version: found.version } : null;
    const pendingRequestId =
      ctx.store.requests.pendingRequestFor(integrationId, company.id) ?? null;
    const reason: NotSelectableReason | null = !company.userManagement
      ? "NO_USER_MANAGEMENT"
      : activation?.status === "ACTIVE"
        ? "ACTIVE"
        : activation?.status === "UPDATE_REQUIRED"
          ? "UPDATE_REQUIRED"
          : pendingRequestId !== null
            ? "REQUEST_PENDING"
            : null;
    return {
      companyId: company.id,
      name: company.name,
      businessId: company.businessId,
      userManagement: company.userManagement,
      legacyManualActivation: company.fixtureRole === "legacy-manual",
      activation,
      pendingRequestId,
      selectable: reason === null,
      notSelectableReason: reason,
    };
  });
}

/** Plain-language reason, for error messages and pages. */
export function explainNotSelectable(env: CustomerEnvironment): string {
  const who = `${env.name} (${env.companyId})`;
  switch (env.notSelectableReason) {
    case "NO_USER_MANAGEMENT":
      return `You cannot activate integrations in ${who}: you do not have all rights to user management there. Ask a main user of that environment.`;
    case "ACTIVE":
      return `The integration is already active in ${who}.`;
    case "UPDATE_REQUIRED":
      return `The integration is already active in ${who} and waits for an update; use the update flow instead.`;
    case "REQUEST_PENDING":
      return `${who} already waits for the integrator's answer in activation request ${env.pendingRequestId}; wait for it or until it times out.`;
    default:
      return `${who} can be selected.`;
  }
}

/**
 * Environments where the user may update this integration: UPDATE_REQUIRED,
 * with user-management rights, and no request waiting for the integrator.
 */
export function listUpdatableEnvironments(
  ctx: EngineContext,
  userId: number,
  integrationId: number,
): CustomerEnvironment[] {
  return describeEnvironments(ctx, userId, integrationId).filter(
    (env) =>
      env.userManagement &&
      env.activation?.status === "UPDATE_REQUIRED" &&
      env.pendingRequestId === null,
  );
}
