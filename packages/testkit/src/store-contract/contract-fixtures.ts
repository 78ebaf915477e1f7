import type { ActivationRecord, DecisionAction, NewStoredRequest } from "@pcx/sdk";
import fc from "fast-check";

/** The suite's clock: fixed instants, never the wall clock. */
export const T0 = Date.parse("2026-03-01T09:00:00.000Z");
export const at = (offsetMs: number): Date => new Date(T0 + offsetMs);

/** Ids above 2^31, so a store with 32-bit id columns fails. */
export const BIG = 2 ** 40;

export function newRequest(overrides: Partial<NewStoredRequest> = {}): NewStoredRequest {
  return {
    requestId: BIG + 1,
    integrationId: BIG + 500,
    integrationVersion: 3,
    kind: "ACTIVATION",
    ref: "acct-42",
    stateNonce: "nonce-aaaa",
    companyIds: [BIG + 101, BIG + 102, BIG + 103],
    expiresAt: at(7 * 24 * 3600_000),
    seenAt: at(0),
    ...overrides,
  };
}

export function newActivation(overrides: Partial<ActivationRecord> = {}): ActivationRecord {
  return {
    integrationId: BIG + 500,
    companyId: BIG + 101,
    companyName: "Acme Oy",
    businessId: "1234567-8",
    version: 3,
    status: "ACTIVE",
    technicalUsername: "pcx-acme-tu-101",
    sealedApiKey: "pcxk1.k1.AAAAAAAAAAAAAAAA.c2VhbGVkLXZhbHVlLWZvci10ZXN0cw",
    requestId: BIG + 1,
    activatedAt: at(1_000),
    updatedAt: at(2_000),
    ...overrides,
  };
}

/** A deterministic idempotency key per group, recording every call. */
export function keyRecorder() {
  const calls: Array<{ action: DecisionAction; reason: string | null; companyIds: number[] }> = [];
  return {
    calls,
    keyFor(group: { action: DecisionAction; reason: string | null; companyIds: number[] }) {
      calls.push({ ...group, companyIds: [...group.companyIds] });
      return `key:${group.action}:${group.reason ?? "-"}:${group.companyIds.join(",")}`;
    },
  };
}

/**
 * Text a store must keep exactly: any Unicode graphemes except U+0000, which
 * PostgreSQL's text type cannot hold.
 */
export const storableText = (maxLength = 60) =>
  fc.string({ unit: "grapheme", maxLength }).filter((s) => !s.includes("\u0000"));

/** Bounds for the property cases: few runs, hard time cap (the stores may be real databases). */
export const PROPERTY_RUNS = { numRuns: 25, interruptAfterTimeLimit: 2_000 } as const;
