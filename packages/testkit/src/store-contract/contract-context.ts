import type { ActivationStore } from "@pcx/sdk";

/** How the contract suite opens the store under test. */
export interface ActivationStoreContractOptions {
  /**
   * Opens a store on an EMPTY database. Called at the start of every test;
   * the suite closes what it opened. Required.
   */
  create: () => Promise<ActivationStore>;
  /**
   * Opens a second store (another instance, e.g. another connection or pool)
   * on the same database as the latest `create()`. With it, the concurrency
   * cases race two instances; without it, concurrent calls on one instance.
   * Default: none.
   */
  createSecond?: () => Promise<ActivationStore>;
  /** Runs after every test, once its stores are closed (drop the database, delete the file). Default: nothing. */
  cleanup?: () => Promise<void>;
}

/** What each case gets: the store, and a second writer on the same database. */
export interface ContractStores {
  store: ActivationStore;
  /** A second instance when `createSecond` is given, else `store` itself. */
  second: () => Promise<ActivationStore>;
}

/** Opens stores for one test and closes every one afterwards. */
export function contractContext(options: ActivationStoreContractOptions) {
  const open: ActivationStore[] = [];
  return {
    async setup(): Promise<ContractStores> {
      const store = await options.create();
      open.push(store);
      return {
        store,
        second: async () => {
          if (!options.createSecond) return store;
          const other = await options.createSecond();
          open.push(other);
          return other;
        },
      };
    },
    async teardown(): Promise<void> {
      const closing = open.splice(0).reverse();
      for (const store of closing) await store.close();
      await options.cleanup?.();
    },
  };
}
