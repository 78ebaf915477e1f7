export type {
  ActivationFilter,
  ActivationRecord,
  ActivationStore,
  ClaimDecisionsInput,
  ClaimDecisionsResult,
  ConsumeNonceInput,
  DecisionAction,
  DecisionIntent,
  DecisionRecord,
  DecisionStatus,
  LeaseInput,
  NewStoredRequest,
  SecretSealer,
  StoredRequest,
} from "./activation-store.js";
export { createMemoryStore, type MemoryStoreOptions } from "./memory-store.js";
