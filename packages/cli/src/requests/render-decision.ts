import type { DecideResult } from "./decide-request.js";

const OUTCOME: Record<DecideResult["environments"][number]["outcome"], string> = {
  approved: "approved",
  rejected: "rejected",
  already_decided: "already decided",
  expired: "expired",
  deferred: "still pending",
};

/** The per-environment report of `pcx requests approve/reject`, and the keys with --show-keys. */
export function renderDecision(r: DecideResult): string {
  const lines = [`Activation request ${r.requestId}:`];
  for (const env of r.environments) {
    const by =
      env.outcome === "already_decided"
        ? ` (${env.status.toLowerCase()}${env.decidedBy ? ` by ${env.decidedBy}` : " elsewhere"})`
        : "";
    const reason = env.reason && env.status === "REJECTED" ? `: ${env.reason}` : "";
    lines.push(
      `  ${String(env.companyId).padEnd(6)} ${env.name}  ${OUTCOME[env.outcome]}${by}${reason}`,
    );
  }
  if (r.store) lines.push(`API keys of the approved environments sealed into ${r.store}.`);
  if (r.credentials) {
    if (r.credentials.length === 0) lines.push("No API keys were handed over.");
    else {
      lines.push("API keys (shown once; keep them now, pcx does not keep them):");
      for (const c of r.credentials) lines.push(`  ${c.companyId}  ${c.username}  ${c.apiKey}`);
    }
  }
  return lines.join("\n");
}
