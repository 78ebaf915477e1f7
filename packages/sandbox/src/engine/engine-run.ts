import type { EngineContext } from "./engine-context.js";

/**
 * Runs one engine operation atomically: in one SQLite transaction, pending
 * requests past their expiry expired first (unless `sweep: false`), events
 * delivered after the commit. Each actor's operations
 * (integrator-operations.ts and its siblings) are built over one of these.
 */
export type EngineRun = <T>(
  operation: (ctx: EngineContext) => T,
  options?: { sweep?: boolean },
) => T;

/**
 * An engine operation `(ctx, ...args) => T` as a method `(...args) => T`
 * that runs it through `run` (atomically, see EngineRun).
 */
export function boundToRun<A extends unknown[], T>(
  run: EngineRun,
  operation: (ctx: EngineContext, ...args: A) => T,
): (...args: A) => T {
  return (...args) => run((ctx) => operation(ctx, ...args));
}
