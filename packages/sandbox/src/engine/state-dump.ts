import type { AuditRow } from "../store/audit-repo.js";
import type { EngineContext } from "./engine-context.js";

/**
 * Everything the invariant tests check, secrets left out (API keys appear
 * only as their last four characters). Served at GET /sandbox/state.
 */
export interface SandboxState {
  now: string;
  integrations: {
    id: number;
    clientId: string;
    maxConcurrentActivations: number | null;
    linkIssuedAt: string | null;
    versions: {
      version: number;
      reviewState: string;
      reviewComment: string | null;
      rights: { right: string; level: string }[];
    }[];
  }[];
  requests: {
    id: number;
    integrationId: number;
    version: number;
    kind: string;
    status: string;
    userId: number;
    limitAtCreation: number | null;
    createdAt: string;
    expiresAt: string;
    environments: {
      companyId: number;
      status: string;
      reason: string | null;
      decidedAt: string | null;
    }[];
  }[];
  activations: {
    integrationId: number;
    companyId: number;
    version: number;
    status: string;
    technicalUsername: string;
  }[];
  technicalKeys: {
    integrationId: number | null;
    companyId: number | null;
    username: string;
    keyEnding: string;
    createdAt: string;
    revokedAt: string | null;
  }[];
  audit: AuditRow[];
  /** The status e-mails sent (GET /sandbox/outbox has their text), oldest first. */
  outbox: { id: number; requestId: number; userId: number; sentAt: string }[];
}

export function dumpState(ctx: EngineContext): SandboxState {
  const { store } = ctx;
  return {
    now: ctx.now().toISOString(),
    integrations: store.integrations.listAll().map((row) => ({
      id: row.id,
      clientId: row.clientId,
      maxConcurrentActivations: row.maxConcurrent,
      linkIssuedAt: row.linkIssuedAt,
      versions: store.integrations.versions(row.id).map((v) => ({
        version: v.version,
        reviewState: v.reviewState,
        reviewComment: v.reviewComment,
        rights: v.definition.technicalUser.rights.map(({ right, level }) => ({ right, level })),
      })),
    })),
    requests: store.requests.listAll().map((row) => ({
      id: row.id,
      integrationId: row.integrationId,
      version: row.version,
      kind: row.kind,
      status: row.status,
      userId: row.userId,
      limitAtCreation: row.limitAtCreation,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      environments: store.requests
        .environments(row.id)
        .map(({ companyId, status, reason, decidedAt }) => ({
          companyId,
          status,
          reason,
          decidedAt,
        })),
    })),
    activations: store.activations
      .listAll()
      .map(({ integrationId, companyId, version, status, technicalUsername }) => ({
        integrationId,
        companyId,
        version,
        status,
        technicalUsername,
      })),
    technicalKeys: store.credentials.listTechnicalKeys().map((key) => ({
      integrationId: key.integrationId,
      companyId: key.companyId,
      username: key.username,
      keyEnding: key.apiKey.slice(-4),
      createdAt: key.createdAt,
      revokedAt: key.revokedAt,
    })),
    audit: store.audit.all(),
    outbox: store.outbox
      .list({ limit: Number.MAX_SAFE_INTEGER })
      .reverse()
      .map((email) => ({
        id: email.id,
        requestId: email.request.id,
        userId: email.to.userId,
        sentAt: email.sentAt,
      })),
  };
}
