import type { ActivationRequest, TechnicalUserCredential } from "../contract/index.js";
import type { ActivationStore, SecretSealer } from "../store/index.js";

export interface SaveCredentialsInput {
  store: ActivationStore;
  /** false: the activation is saved without its key (`sealedApiKey: null`). */
  sealer: SecretSealer | false;
  /** The request the credentials were handed for (names, business ids, version). */
  request: ActivationRequest;
  credentials: readonly TechnicalUserCredential[];
  now: Date;
}

/**
 * Saves each approved environment as an activation, its technical user's API
 * key sealed first. The plaintext key goes no further than the sealer. Saving
 * again (a replayed approval) replaces the record with the same content.
 */
export async function saveCredentials(input: SaveCredentialsInput): Promise<void> {
  const { store, sealer, request, now } = input;
  for (const credential of input.credentials) {
    const env = request.environments.find((e) => e.companyId === credential.companyId);
    // An update keeps the activation's first date; a (re)activation starts now.
    const existing =
      request.kind === "UPDATE"
        ? await store.getActivation(request.integrationId, credential.companyId)
        : undefined;
    const sealedApiKey = sealer ? await sealer.seal(credential.apiKey) : null;
    await store.saveActivation({
      integrationId: request.integrationId,
      companyId: credential.companyId,
      companyName: env?.name ?? existing?.companyName ?? "",
      businessId: env?.businessId ?? existing?.businessId ?? "",
      version: request.integrationVersion,
      status: "ACTIVE",
      technicalUsername: credential.username,
      sealedApiKey,
      requestId: request.id,
      activatedAt: existing?.activatedAt ?? now,
      updatedAt: now,
    });
  }
}
