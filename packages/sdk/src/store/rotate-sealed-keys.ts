import type { ActivationFilter, ActivationStore } from "./activation-store.js";
import type { Keyring } from "./keyring.js";

/** The options of `rotateSealedKeys`. */
export interface RotateSealedKeysOptions {
  /** Only activations matching this filter. Default: every activation. */
  filter?: ActivationFilter;
}

/** What `rotateSealedKeys` did, counted. */
export interface RotateSealedKeysResult {
  /** Activations holding a sealed key that were looked at. */
  examined: number;
  /** Re-sealed under the keyring's current key. */
  resealed: number;
  /** Already under the current key. */
  current: number;
  /** Changed by another writer between the read and the write; run again to cover them. */
  changedMeanwhile: number;
}

/**
 * Re-seals every stored technical-user API key under the keyring's current
 * key: each is opened with the key it names and sealed again, then written
 * with a compare-and-set (`replaceSealedApiKey`), so a concurrent update is
 * never overwritten. The keys stay sealed in the result; nothing is logged.
 * Safe to run again; after a run with `changedMeanwhile: 0` the old keys can
 * be dropped from the keyring.
 */
export async function rotateSealedKeys(
  store: ActivationStore,
  keyring: Keyring,
  options: RotateSealedKeysOptions = {},
): Promise<RotateSealedKeysResult> {
  const result: RotateSealedKeysResult = {
    examined: 0,
    resealed: 0,
    current: 0,
    changedMeanwhile: 0,
  };
  for (const activation of await store.listActivations(options.filter)) {
    const sealed = activation.sealedApiKey;
    if (sealed === null) continue;
    result.examined++;
    if (!keyring.needsRotation(sealed)) {
      result.current++;
      continue;
    }
    const resealed = await keyring.seal(await keyring.open(sealed));
    const replaced = await store.replaceSealedApiKey({
      integrationId: activation.integrationId,
      companyId: activation.companyId,
      from: sealed,
      to: resealed,
    });
    if (replaced) result.resealed++;
    else result.changedMeanwhile++;
  }
  return result;
}
