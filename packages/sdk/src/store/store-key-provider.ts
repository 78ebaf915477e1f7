import { PcxError } from "../errors/index.js";
import { describeValue } from "../text/describe-value.js";
import type { ActivationStore, SecretSealer } from "./activation-store.js";

/** The options of `storeKeyProvider`: where the sealed keys are and how to open them. */
export interface StoreKeyProviderOptions {
  /** The store the callback handler and the reconciler saved the activations in. Required. */
  store: ActivationStore;
  /** The sealer (keyring) the keys were sealed with; it opens them. Required. */
  sealer: SecretSealer;
  /** The integration whose technical users' keys to give out. Required. */
  integrationId: number;
}

/**
 * Opens a technical user's API key from the store, on demand:
 * `storeKeyProvider({ store, sealer, integrationId })` returns
 * `(companyId) => Promise<apiKey>`, for a client per environment
 * (`client.forEnvironment(companyId)` with the `technicalUserKey` option).
 * Each call reads the activation and opens its sealed key explicitly; the
 * key is not cached here (the client keeps its token, not the key).
 *
 * Rejects with `pcx_not_found` when the store has no activation of this
 * integration in that environment, `pcx_config` when it is REMOVED or its key
 * was not kept (a store written with `sealer: false`), and `pcx_keyring` when
 * the key cannot be opened (a key id missing from the keyring).
 */
export function storeKeyProvider(
  options: StoreKeyProviderOptions,
): (companyId: number) => Promise<string> {
  const { store, sealer, integrationId } = options ?? ({} as StoreKeyProviderOptions);
  if (typeof store?.getActivation !== "function" || typeof sealer?.open !== "function") {
    throw new PcxError("pcx_config", "storeKeyProvider: `store` and `sealer` are required", {
      hint: "Pass the store and the keyring the callback handler and the reconciler use.",
    });
  }
  if (!Number.isSafeInteger(integrationId) || integrationId <= 0) {
    throw new PcxError(
      "pcx_config",
      `storeKeyProvider: \`integrationId\` must be a positive integer, not ${describeValue(integrationId)}`,
      { hint: "Use the id `pcx define` printed (`pcx status` shows it)." },
    );
  }
  return async (companyId) => {
    const activation = await store.getActivation(integrationId, companyId);
    if (!activation) {
      throw new PcxError(
        "pcx_not_found",
        `No activation of integration ${integrationId} in environment ${companyId} is in the store`,
        {
          hint: "The key is saved when the environment's activation request is approved through the callback, the reconciler or `pcx requests approve` with a store.",
        },
      );
    }
    if (activation.status === "REMOVED") {
      throw new PcxError(
        "pcx_config",
        `The activation of integration ${integrationId} in environment ${companyId} was removed; its technical user's key no longer works`,
        {
          details: { integrationId, companyId, status: activation.status },
          hint: "The customer has to activate the integration again.",
        },
      );
    }
    if (activation.sealedApiKey === null) {
      throw new PcxError(
        "pcx_config",
        `The store holds no API key for environment ${companyId} of integration ${integrationId}`,
        {
          details: { integrationId, companyId },
          hint: "Keys are kept only when the approving side has a sealer (not `sealer: false`).",
        },
      );
    }
    return sealer.open(activation.sealedApiKey);
  };
}
