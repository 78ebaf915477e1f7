// @pcx/testkit/store-contract: the ActivationStore contract suite (vitest),
// for pcx's own stores and for third-party ones (docs/stores.md).
export type { ActivationStoreContractOptions, ContractStores } from "./contract-context.js";
export { describeActivationStoreContract } from "./describe-activation-store-contract.js";
