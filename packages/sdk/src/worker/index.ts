export { createReconciler } from "./create-reconciler.js";
export type {
  ReconcilerEventFields,
  ReconcilerEventName,
  ReconcilerLogger,
} from "./reconciler-events.js";
export type {
  Reconciler,
  ReconcilerClient,
  ReconcilerOptions,
  ReconcilerTotals,
  StatusChange,
} from "./reconciler-options.js";
export type { SweepSummary } from "./sweep-summary.js";
