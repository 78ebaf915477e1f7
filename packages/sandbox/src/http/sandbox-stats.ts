/** Counters served in GET /sandbox/state, so tests can see that chaos did its job. */
export interface SandboxStats {
  apiRequests: number;
  /** Injected faults by kind: "500", "503", "429", "drop-before", "drop-after", "latency". */
  faults: Record<string, number>;
  /** Answers replayed from an Idempotency-Key. */
  idempotentReplays: number;
}

export function createStats(): SandboxStats {
  return { apiRequests: 0, faults: {}, idempotentReplays: 0 };
}

export function countFault(stats: SandboxStats, kind: string): void {
  stats.faults[kind] = (stats.faults[kind] ?? 0) + 1;
}
