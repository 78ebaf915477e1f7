// The one check every load and fault test ends with: each environment of
// each request decided exactly once, as the hook said, according to the
// sandbox's audit log, and the store agreeing (applied records, sealed keys
// that open to the key the sandbox issued).
import type { SandboxState } from "@pcx/sandbox";
import type { ActivationStore, SecretSealer } from "@pcx/sdk";

/** What the hook decided for one environment, as the sandbox records it. */
export interface ExpectedDecision {
  decision: "APPROVED" | "REJECTED";
  reason?: string;
}

export interface ExactlyOnceInput {
  /** `engine.dumpState()` or GET /sandbox/state, taken after the run. */
  state: SandboxState;
  integrationId: number;
  requestIds: readonly number[];
  expected(requestId: number, companyId: number): ExpectedDecision;
  /** The store the deciders shared; checked when given. */
  store?: ActivationStore;
  /** Opens the sealed keys in the store, to compare with the sandbox's key endings. */
  sealer?: SecretSealer;
}

export interface ExactlyOnceReport {
  /** Environments decided once, as expected. */
  decided: number;
  /** Environments without a decision in the audit log. */
  lost: string[];
  /** Environments decided (or given a technical key, or activated) more than once. */
  duplicates: string[];
  /** Environments decided otherwise than the hook said. */
  wrong: string[];
  /** Store records that disagree with the audit log. */
  store: string[];
}

/** Checks a run against the sandbox's audit log; every list empty means exactly once. */
export async function checkExactlyOnce(input: ExactlyOnceInput): Promise<ExactlyOnceReport> {
  const { state } = input;
  const report: ExactlyOnceReport = { decided: 0, lost: [], duplicates: [], wrong: [], store: [] };
  const wanted = new Set(input.requestIds);
  const decidedRows = new Map<string, Array<Record<string, unknown> | null>>();
  const activatedRows = new Map<string, number>();
  for (const row of state.audit) {
    if (row.requestId === null || !wanted.has(row.requestId)) {
      if (row.kind === "activation.activated" && row.integrationId === input.integrationId) {
        const key = `${row.companyId}`;
        activatedRows.set(key, (activatedRows.get(key) ?? 0) + 1);
      }
      continue;
    }
    if (row.kind === "environment.decided") {
      const key = `${row.requestId}/${row.companyId}`;
      decidedRows.set(key, [...(decidedRows.get(key) ?? []), row.detail]);
    }
  }
  const keys = new Map<number, SandboxState["technicalKeys"]>();
  for (const key of state.technicalKeys) {
    if (key.integrationId !== input.integrationId || key.companyId === null) continue;
    keys.set(key.companyId, [...(keys.get(key.companyId) ?? []), key]);
  }
  const requests = new Map(state.requests.map((request) => [request.id, request]));
  for (const requestId of input.requestIds) {
    const request = requests.get(requestId);
    if (!request) {
      report.lost.push(`request ${requestId} is not in the sandbox`);
      continue;
    }
    const records = input.store ? await input.store.listDecisions(requestId) : [];
    for (const env of request.environments) {
      const where = `request ${requestId} environment ${env.companyId}`;
      const rows = decidedRows.get(`${requestId}/${env.companyId}`) ?? [];
      const expected = input.expected(requestId, env.companyId);
      if (rows.length === 0) {
        report.lost.push(`${where}: no decision (status ${env.status})`);
        continue;
      }
      if (rows.length > 1) report.duplicates.push(`${where}: decided ${rows.length} times`);
      const first = rows[0];
      if (
        first?.decision !== expected.decision ||
        (expected.reason !== undefined && first?.reason !== expected.reason)
      ) {
        report.wrong.push(
          `${where}: ${JSON.stringify(first)} instead of ${JSON.stringify(expected)}`,
        );
        continue;
      }
      if (expected.decision === "APPROVED") {
        const issued = keys.get(env.companyId) ?? [];
        if (issued.length !== 1)
          report.duplicates.push(`${where}: ${issued.length} technical keys`);
        const activated = activatedRows.get(`${env.companyId}`) ?? 0;
        if (activated > 1) report.duplicates.push(`${where}: activated ${activated} times`);
      }
      if (rows.length === 1) report.decided++;
      if (!input.store) continue;
      const record = records.find((r) => r.companyId === env.companyId);
      if (record?.status !== "applied" || record.outcome !== expected.decision) {
        report.store.push(
          `${where}: store has ${record ? `${record.status} ${record.outcome}` : "no record"}`,
        );
        continue;
      }
      if (expected.decision !== "APPROVED") continue;
      const activation = await input.store.getActivation(input.integrationId, env.companyId);
      if (!activation?.sealedApiKey) {
        report.store.push(`${where}: no sealed key in the store`);
        continue;
      }
      if (input.sealer) {
        const key = await input.sealer.open(activation.sealedApiKey);
        const ending = keys.get(env.companyId)?.at(-1)?.keyEnding;
        if (key.slice(-4) !== ending)
          report.store.push(`${where}: the stored key is not the issued one`);
      }
    }
  }
  return report;
}
