import { defineCommand } from "../command.js";
import { requireStoreUrl } from "../requests/decision-store.js";

export interface StoreMigrateInput {
  /** `--store URL`; else PCX_STORE. */
  store?: string;
}

export interface StoreMigrateResult {
  /** The store URL, its password hidden. */
  store: string;
  /** The schema version before the run (0: an empty database). */
  from: number;
  /** The schema version after the run. */
  to: number;
  /** The migrations this run applied, in order. */
  applied: string[];
}

/**
 * `pcx store migrate`: brings the store's tables to this pcx's schema version
 * (safe to run on every deploy; a newer schema is refused with exit 4).
 */
export default defineCommand<StoreMigrateInput, StoreMigrateResult>({
  async run(input, ctx) {
    const { url, shown } = requireStoreUrl(input.store, ctx, "pcx store migrate");
    const { migrate } = await import("@pcx/store-sql");
    const result = await migrate({ url });
    return { store: shown, ...result };
  },
  render: (r) =>
    r.applied.length === 0
      ? `Store ${r.store} is at schema version ${r.to}; nothing to apply.`
      : `Store ${r.store} migrated from schema version ${r.from} to ${r.to}; applied: ${r.applied.join(", ")}.`,
});
