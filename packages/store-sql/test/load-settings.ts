import { join } from "node:path";
import { createSandbox, type Sandbox } from "@pcx/sandbox";
import type { Decision } from "@pcx/sdk";
import type { ActivationRequest } from "@pcx/sdk/contract";
import { type ExpectedDecision, loadTestDecision, tempDir } from "@pcx/testkit";
import { afterAll } from "vitest";

const CI = process.env.CI === "true" || process.env.CI === "1";

/**
 * A load test's request count: the environment variable when set; else the
 * full count under CI (CI=true, as .ci/run sets it), and `local` on a
 * developer's machine, where the full count takes longer than a test should
 * (docs/stores.md lists what was measured).
 */
export function loadCount(name: string, full: number, local: number): number {
  const value = Number(process.env[name] ?? (CI ? full : local));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return value;
}

/**
 * The sandbox of the in-process load tests: it faults 20 % of API calls
 * (chaos 0.2) in the order `seed` gives, and its requests stay open an hour,
 * longer than any run.
 */
export function chaosSandbox(seed: number): Sandbox {
  return createSandbox({ chaos: 0.2, seed, requestTtlMs: 3_600_000 });
}

/** A path for the suite's SQLite file, in a temporary directory removed after the suite. */
export function suiteSqliteFile(): string {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  return join(dir, "pcx.db");
}

/** What the sandbox must have recorded for an environment under loadTestDecision. */
export function expectedDecision(_requestId: number, companyId: number): ExpectedDecision {
  const decision = loadTestDecision(companyId);
  return decision.action === "approve"
    ? { decision: "APPROVED" }
    : { decision: "REJECTED", reason: decision.reason as string };
}

/** One line on stderr with what a load test measured (counts and wall time), for the CI log. */
export function note(text: string): void {
  process.stderr.write(`note: ${text}\n`);
}

/**
 * A load test's timeout: four times what it was measured to need on these
 * loaded 2-core machines (start-up plus `count` requests), at least 60 s.
 */
export function loadTimeout(count: number, msPerRequest: number, startupMs = 0): number {
  return Math.max(60_000, 4 * (startupMs + count * msPerRequest));
}

/** The hook of the in-process load tests: loadTestDecision for every environment. */
export function hookDecision(request: ActivationRequest): Decision {
  return request.environments.map((env) => {
    const decision = loadTestDecision(env.companyId);
    return decision.action === "approve"
      ? { companyId: env.companyId, action: "approve" as const }
      : { companyId: env.companyId, action: "reject" as const, reason: decision.reason as string };
  });
}
