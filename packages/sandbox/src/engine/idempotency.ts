import { createHash } from "node:crypto";
import { API_ERROR_CODES } from "@pcx/sdk/contract";
import { conflict, SandboxError } from "../sandbox-error.js";
import { type EngineContext, nowIso } from "./engine-context.js";

/** An HTTP answer as stored for replays. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** Stable JSON (sorted keys) so a replay with reordered keys still matches. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What a replay must match: method, path and body. */
export function fingerprintOf(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${canonical(body)}`)
    .digest("hex");
}

/**
 * Runs `apply` at most once per (client, key), in the caller's transaction:
 * the first answer (success or a domain error such as 409) is stored with the
 * change it made, so an answer lost on the wire is replayed, not re-applied.
 * The same key with another fingerprint → 409 IDEMPOTENCY_KEY_REUSED.
 */
export function runIdempotent(
  ctx: EngineContext,
  clientId: string,
  key: string,
  fingerprint: string,
  apply: () => StoredAnswer,
): StoredAnswer & { replayed: boolean } {
  const existing = ctx.store.idempotency.get(clientId, key);
  if (existing) {
    if (existing.fingerprint !== fingerprint) {
      throw conflict(
        API_ERROR_CODES.IDEMPOTENCY_KEY_REUSED,
        `Idempotency-Key "${key}" was already used at ${existing.createdAt} for a different request; use a new key for a new request.`,
        "Idempotency-Key",
      );
    }
    return { status: existing.status, body: JSON.parse(existing.body), replayed: true };
  }
  let answer: StoredAnswer;
  try {
    answer = apply();
  } catch (error) {
    if (!(error instanceof SandboxError) || error.status >= 500) throw error;
    answer = {
      status: error.status,
      body: { errors: error.items },
    };
  }
  ctx.store.idempotency.put({
    clientId,
    key,
    fingerprint,
    status: answer.status,
    body: JSON.stringify(answer.body),
    createdAt: nowIso(ctx),
  });
  return { ...answer, replayed: false };
}
