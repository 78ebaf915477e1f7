import type { EmailEnvironment, SandboxEmail } from "../store/outbox-repo.js";
import { type EngineContext, nowIso } from "./engine-context.js";

/**
 * Procountor e-mails the requesting user once every environment of a
 * request has been processed (decided or expired). The sandbox "sends" it
 * into its outbox: called in the same transaction that takes the request out
 * of PENDING (request-status.ts), at most once per request.
 */
export function sendStatusEmail(ctx: EngineContext, requestId: number): void {
  const request = ctx.store.requests.get(requestId);
  if (!request || (request.status !== "COMPLETED" && request.status !== "EXPIRED")) return;
  const user = ctx.store.directory.getUser(request.userId);
  const version = ctx.store.integrations.getVersion(request.integrationId, request.version);
  if (!user || !version) return;
  const environments = ctx.store.requests.environments(requestId).map(
    (env): EmailEnvironment => ({
      companyId: env.companyId,
      name: env.name,
      businessId: env.businessId,
      status: env.status === "PENDING" ? "EXPIRED" : env.status,
      reason: env.status === "REJECTED" ? env.reason : null,
    }),
  );
  ctx.store.outbox.insert({
    sentAt: nowIso(ctx),
    to: { userId: user.id, name: user.name, email: user.email },
    request: {
      id: request.id,
      kind: request.kind,
      status: request.status,
      integrationId: request.integrationId,
      integrationVersion: request.version,
      integrationName: version.definition.name,
      supportUrl: version.definition.links.support,
    },
    environments,
  });
}

/** The outbox, newest first: everyone's, one user's, or one request's. */
export function listOutbox(
  ctx: EngineContext,
  filter: { userId?: number; requestId?: number; limit?: number } = {},
): SandboxEmail[] {
  return ctx.store.outbox.list(filter);
}
