import type { EngineContext } from "./engine-context.js";
import { nowIso } from "./engine-context.js";
import { sendStatusEmail } from "./status-email.js";

/** A pending request whose environments are all decided becomes COMPLETED, and its user gets the status e-mail. */
export function completeIfDecided(ctx: EngineContext, requestId: number): void {
  const request = ctx.store.requests.get(requestId);
  if (request?.status !== "PENDING") return;
  const pending = ctx.store.requests.environments(requestId).some((e) => e.status === "PENDING");
  if (!pending) {
    ctx.store.requests.setStatus(requestId, "COMPLETED");
    sendStatusEmail(ctx, requestId);
  }
  ctx.emit({ type: "request-updated", requestId, integrationId: request.integrationId });
}

/**
 * Pending requests past `expiresAt` become EXPIRED, with their pending
 * environments (the customer sees "timed out, try again later"), and the
 * requesting user gets the status e-mail. Called
 * lazily before every engine operation and on a timer; uses the injected clock.
 */
export function expireDueRequests(ctx: EngineContext): number[] {
  const now = nowIso(ctx);
  const due = ctx.store.requests.dueForExpiry(now);
  for (const requestId of due) {
    const request = ctx.store.requests.get(requestId);
    if (!request) continue;
    const expired = ctx.store.requests.expireEnvironments(requestId, now);
    ctx.store.requests.setStatus(requestId, "EXPIRED");
    sendStatusEmail(ctx, requestId);
    ctx.store.audit.append(
      now,
      "request.expired",
      { integrationId: request.integrationId, requestId },
      { environments: expired },
    );
    ctx.emit({ type: "request-updated", requestId, integrationId: request.integrationId });
  }
  return due;
}
