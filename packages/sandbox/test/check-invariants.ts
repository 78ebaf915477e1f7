import { expect } from "vitest";
import type { SandboxState } from "../src/index.js";

/** The invariants, checked on the dump alone (and its audit log). */
export function checkInvariants(state: SandboxState): void {
  // 1. Each environment of a request is decided at most once, and its state matches its one decision.
  const decisions = new Map<string, { decision: unknown }[]>();
  for (const entry of state.audit.filter((e) => e.kind === "environment.decided")) {
    const k = `${entry.requestId}:${entry.companyId}`;
    decisions.set(k, [...(decisions.get(k) ?? []), { decision: entry.detail?.decision }]);
  }
  for (const [k, list] of decisions) expect(list, `decisions of ${k}`).toHaveLength(1);
  for (const request of state.requests) {
    for (const env of request.environments) {
      const made = decisions.get(`${request.id}:${env.companyId}`);
      if (env.status === "APPROVED" || env.status === "REJECTED")
        expect(made?.[0]?.decision, `request ${request.id} env ${env.companyId}`).toBe(env.status);
      else
        expect(made, `request ${request.id} env ${env.companyId} is ${env.status}`).toBeUndefined();
    }
    // Request status agrees with its environments.
    const statuses = request.environments.map((e) => e.status);
    if (request.status === "PENDING") expect(statuses).toContain("PENDING");
    if (request.status === "COMPLETED")
      expect(statuses.every((st) => st === "APPROVED" || st === "REJECTED")).toBe(true);
    if (request.status === "EXPIRED") expect(statuses).not.toContain("PENDING");
  }

  // 2. No environment activated twice: one row per integration × environment, and in the audit log
  //    every activation follows a removal (or nothing).
  const pairs = state.activations.map((a) => `${a.integrationId}:${a.companyId}`);
  expect(new Set(pairs).size).toBe(pairs.length);
  const live = new Map<string, boolean>();
  for (const entry of state.audit) {
    const k = `${entry.integrationId}:${entry.companyId}`;
    if (entry.kind === "activation.activated") {
      expect(live.get(k), `activated twice without removal: ${k} at #${entry.seq}`).not.toBe(true);
      live.set(k, true);
    }
    if (entry.kind === "activation.removed") {
      expect(live.get(k), `removed while not active: ${k}`).toBe(true);
      live.set(k, false);
    }
    if (entry.kind === "activation.updated" || entry.kind === "activation.update-required")
      expect(live.get(k)).toBe(true);
  }
  for (const activation of state.activations) {
    expect(live.get(`${activation.integrationId}:${activation.companyId}`)).toBe(
      activation.status !== "REMOVED",
    );
    const keys = state.technicalKeys.filter(
      (key) =>
        key.integrationId === activation.integrationId &&
        key.companyId === activation.companyId &&
        key.revokedAt === null,
    );
    expect(keys, `live keys of ${activation.integrationId}:${activation.companyId}`).toHaveLength(
      activation.status === "REMOVED" ? 0 : 1,
    );
  }
  // At most one pending request per integration × environment.
  const pending = state.requests.flatMap((r) =>
    r.environments
      .filter((e) => e.status === "PENDING")
      .map((e) => `${r.integrationId}:${e.companyId}`),
  );
  expect(new Set(pending).size).toBe(pending.length);

  // 3. No request exceeds the limit in force when it was created (replayed from the audit log).
  const limit = new Map<number, number | null>();
  for (const entry of state.audit) {
    const detail = entry.detail ?? {};
    if (
      (entry.kind === "integration.created" ||
        entry.kind === "version.submitted" ||
        entry.kind === "limits.set") &&
      "maxConcurrentActivations" in detail
    ) {
      limit.set(entry.integrationId as number, detail.maxConcurrentActivations as number | null);
    }
    if (entry.kind === "request.created") {
      const inForce = limit.get(entry.integrationId as number) ?? null;
      const count = (detail.companyIds as number[]).length;
      if (inForce !== null)
        expect(count, `request ${entry.requestId} under limit ${inForce}`).toBeLessThanOrEqual(
          inForce,
        );
      const request = state.requests.find((r) => r.id === entry.requestId);
      expect(request?.limitAtCreation).toBe(inForce);
    }
  }
}
