import { randomBytes } from "node:crypto";
import type { Store } from "../store/open-store.js";

/** Something changed; pages and the scheduler listen (e.g. a status page that refreshes). */
export type SandboxEvent =
  | { type: "version-submitted"; integrationId: number; version: number }
  | { type: "version-reviewed"; integrationId: number; version: number; approved: boolean }
  | { type: "request-created"; requestId: number; integrationId: number }
  | { type: "request-updated"; requestId: number; integrationId: number }
  | { type: "activation-changed"; integrationId: number; companyId: number };

/** What every engine operation needs. Internal to the engine. */
export interface EngineContext {
  readonly store: Store;
  readonly now: () => Date;
  /** How long a pending activation request waits for the integrator. */
  readonly requestTtlMs: number;
  /** The lifetime of access tokens, in seconds. */
  readonly tokenTtlSeconds: number;
  /** The server's public URL (for activation links); known once it listens. */
  readonly publicUrl: () => string;
  readonly emit: (event: SandboxEvent) => void;
}

/** The current time as stored: ISO 8601 UTC. */
export function nowIso(ctx: EngineContext): string {
  return ctx.now().toISOString();
}

/** An unguessable secret with a readable prefix (API keys, tokens). */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString("base64url")}`;
}
