import { afterEach, beforeEach, describe } from "vitest";
import { activationCases } from "./activation-cases.js";
import { concurrencyCases } from "./concurrency-cases.js";
import {
  type ActivationStoreContractOptions,
  type ContractStores,
  contractContext,
} from "./contract-context.js";
import { decisionCases } from "./decision-cases.js";
import { leaseCases } from "./lease-cases.js";
import { nonceCases } from "./nonce-cases.js";
import { requestCases } from "./request-cases.js";

/**
 * The `ActivationStore` contract: every store pcx ships passes it, and a
 * third-party store should too. Call it at the top level of a vitest test
 * file; it declares one `describe` block with a case per rule of the
 * interface (first sighting wins, claim grouping and keys, applied marks and
 * their order, nonces and their expiry, activations and their filters,
 * leases), plus races between two writers. Time is passed in, never read.
 *
 * ```ts
 * describeActivationStoreContract("my store", {
 *   create: async () => openMyStore(freshDatabase()),
 *   createSecond: async () => openMyStore(sameDatabase()),
 *   cleanup: async () => dropDatabase(),
 * });
 * ```
 */
export function describeActivationStoreContract(
  name: string,
  options: ActivationStoreContractOptions,
): void {
  describe(`ActivationStore contract: ${name}`, () => {
    const context = contractContext(options);
    let current: ContractStores | undefined;
    const stores = (): ContractStores => {
      if (!current) throw new Error("the contract suite's store is not open");
      return current;
    };
    beforeEach(async () => {
      current = await context.setup();
    });
    afterEach(async () => {
      current = undefined;
      await context.teardown();
    });
    requestCases(stores);
    decisionCases(stores);
    nonceCases(stores);
    activationCases(stores);
    leaseCases(stores);
    concurrencyCases(stores);
  });
}
