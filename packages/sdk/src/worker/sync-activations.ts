import type { Activation } from "../contract/index.js";
import type { ActivationRecord } from "../store/index.js";
import { callObserverHook, logEvent } from "./reconciler-events.js";
import type { StatusChange } from "./reconciler-options.js";
import type { ResolvedReconcilerOptions } from "./resolve-reconciler-options.js";

function changed(stored: ActivationRecord | undefined, live: Activation): boolean {
  return !stored || stored.status !== live.status || stored.version !== live.version;
}

/**
 * Brings the store's activations in line with Procountor's list: an
 * activation whose status or version differs (UPDATE_REQUIRED, REMOVED, back
 * to ACTIVE) or that the store did not know is saved, then `onStatusChange`
 * runs. The sealed API key is kept as stored (a REMOVED activation's key no
 * longer works, and a later approval replaces it). A record the store
 * changed after the list was read (an approval in the meantime) is newer
 * than the list and left alone until the next sweep. Returns the number of
 * changes saved.
 */
export async function syncActivations(
  o: ResolvedReconcilerOptions,
  shouldStop: () => boolean,
): Promise<number> {
  const listedAt = o.now();
  const live = await o.client.activations.list(o.integrationId, { size: 200 }).toArray();
  const stored = new Map(
    (await o.store.listActivations({ integrationId: o.integrationId })).map((record) => [
      record.companyId,
      record,
    ]),
  );
  let changes = 0;
  for (const activation of live) {
    if (shouldStop()) break;
    if (!changed(stored.get(activation.companyId), activation)) continue;
    // Read again right before writing: the list is older than anything saved since.
    const current = await o.store.getActivation(o.integrationId, activation.companyId);
    if (!changed(current, activation)) continue;
    if (current && current.updatedAt.getTime() >= listedAt.getTime()) continue;
    const now = o.now();
    const record: ActivationRecord = {
      integrationId: o.integrationId,
      companyId: activation.companyId,
      companyName: activation.companyName,
      businessId: activation.businessId,
      version: activation.version,
      status: activation.status,
      technicalUsername: activation.technicalUsername,
      sealedApiKey: current?.sealedApiKey ?? null,
      requestId: current?.requestId ?? null,
      activatedAt: current?.activatedAt ?? new Date(activation.activatedAt),
      updatedAt: now,
    };
    await o.store.saveActivation(record);
    changes++;
    const change: StatusChange = {
      integrationId: o.integrationId,
      companyId: activation.companyId,
      companyName: activation.companyName,
      previousStatus: current?.status ?? null,
      status: activation.status,
      previousVersion: current?.version ?? null,
      version: activation.version,
      activation: record,
    };
    logEvent(
      o.logger,
      "info",
      `pcx reconciler: activation in ${activation.companyId} is ${activation.status}${current ? ` (was ${current.status})` : ""}`,
      {
        event: "activation.status_changed",
        companyId: activation.companyId,
        previousStatus: change.previousStatus,
        status: change.status,
        previousVersion: change.previousVersion,
        version: change.version,
      },
    );
    await callObserverHook(o.logger, "onStatusChange", { companyId: activation.companyId }, () =>
      o.onStatusChange?.(change),
    );
  }
  return changes;
}
