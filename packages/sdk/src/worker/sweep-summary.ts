/** What one sweep did. */
export interface SweepSummary {
  /** 1 for the reconciler's first sweep, then counting. */
  sweep: number;
  /** Set when the sweep did nothing: another instance holds the sweep lease, or the reconciler is stopping. */
  skipped: "lease_held" | "stopping" | null;
  /** Unconfirmed decisions replayed with their stored keys (`repairDecisions`), by environment. */
  repaired: number;
  /** Requests whose repair failed this time (kept for the next sweep). */
  repairFailed: number;
  /** Pending requests the API listed. */
  pending: number;
  /** Requests the hook decided (some environment approved or rejected now). */
  decided: number;
  /** Requests the hook deferred. */
  deferred: number;
  /** Requests left undecided because their state was refused (forged, expired, replayed, missing). */
  refused: number;
  /** Requests whose handling failed (API, store, the hook threw); the next sweep tries again. */
  failed: number;
  /** Requests left for now: too young, deferred and not yet near expiry, held by another instance, or decided meanwhile. */
  left: number;
  /** Activations whose status or version changed in the store. */
  statusChanges: number;
  /** Wall time of the sweep on the injected clock, in ms. */
  durationMs: number;
}

export function emptySummary(sweep: number): SweepSummary {
  return {
    sweep,
    skipped: null,
    repaired: 0,
    repairFailed: 0,
    pending: 0,
    decided: 0,
    deferred: 0,
    refused: 0,
    failed: 0,
    left: 0,
    statusChanges: 0,
    durationMs: 0,
  };
}
