import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PcxError, type ReconcilerOptions } from "@pcx/sdk";

/** What a hooks module gives the worker: the callback handler's own hooks. */
export type WorkerHooks = Pick<
  ReconcilerOptions,
  "onActivationRequest" | "onDecided" | "onStatusChange"
>;

const NAMES = ["onActivationRequest", "onDecided", "onStatusChange"] as const;

/**
 * Loads the backend's hooks module (ESM or CommonJS, by its extension and
 * package type, as Node decides): named exports `onActivationRequest`
 * (required), `onDecided` and `onStatusChange` (optional), or the same as
 * properties of its default export. Errors are `pcx_usage` naming the file.
 */
export async function loadHooks(cwd: string, file: string): Promise<WorkerHooks> {
  const path = resolve(cwd, file);
  if (!existsSync(path)) {
    throw new PcxError("pcx_usage", `--hooks ${file}: no such file (${path})`, {
      hint: "Point --hooks at the module exporting onActivationRequest (and optionally onDecided, onStatusChange).",
    });
  }
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new PcxError(
      "pcx_usage",
      `--hooks ${file} failed to load: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error, hint: "Check that the module runs with `node` on its own." },
    );
  }
  const fallback = (loaded.default ?? {}) as Record<string, unknown>;
  const hooks: Record<string, unknown> = {};
  for (const name of NAMES) {
    const value = loaded[name] ?? fallback?.[name];
    if (value === undefined) continue;
    if (typeof value !== "function") {
      throw new PcxError(
        "pcx_usage",
        `--hooks ${file}: ${name} is a ${typeof value}, not a function`,
      );
    }
    hooks[name] = value;
  }
  if (!hooks.onActivationRequest) {
    throw new PcxError("pcx_usage", `--hooks ${file} exports no onActivationRequest function`, {
      hint: "Export the callback handler's hook: `export function onActivationRequest(request, ctx) { return ctx.approveAll(); }` (or module.exports = { onActivationRequest }).",
    });
  }
  return hooks as unknown as WorkerHooks;
}
