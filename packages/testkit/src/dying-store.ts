import type { ActivationStore } from "@pcx/sdk";

/**
 * `base` as an instance that dies between Procountor applying a decision and
 * the store recording the outcome: markDecisionsApplied throws `message`
 * until `recover()`. Everything else is `base`'s, so the intents stay there
 * for repair to find.
 */
export function storeDyingBeforeOutcome(
  base: ActivationStore,
  message = "instance died before recording the outcome",
): { store: ActivationStore; recover(): void } {
  let dying = true;
  const store: ActivationStore = {
    ...base,
    markDecisionsApplied: async (...args) => {
      if (dying) throw new Error(message);
      return base.markDecisionsApplied(...args);
    },
  };
  return {
    store,
    recover() {
      dying = false;
    },
  };
}
