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
  ReplaceSealedApiKeyInput,
  SecretSealer,
  StoredRequest,
} from "./activation-store.js";
export {
  createKeyring,
  generateKeyringKey,
  KEYRING_KEY_ID_PATTERN,
  type Keyring,
  type KeyringKey,
  type KeyringOptions,
  SEALED_FORMAT_VERSION,
} from "./keyring.js";
export { createMemoryStore, type MemoryStoreOptions } from "./memory-store.js";
export {
  type RotateSealedKeysOptions,
  type RotateSealedKeysResult,
  rotateSealedKeys,
} from "./rotate-sealed-keys.js";
export { type StoreKeyProviderOptions, storeKeyProvider } from "./store-key-provider.js";
