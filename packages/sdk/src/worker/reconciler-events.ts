/**
 * What the reconciler logs, one structured event per line of work. Every
 * event's `fields` carry `event` (one of these names) and plain values: ids,
 * counts, codes, outcomes, durations. Never a key, token, secret or state.
 */
export type ReconcilerEventName =
  | "reconciler.started"
  | "reconciler.stopped"
  | "sweep.started"
  | "sweep.skipped"
  | "sweep.finished"
  | "sweep.failed"
  | "repair.finished"
  | "request.decided"
  | "request.deferred"
  | "request.refused"
  | "request.failed"
  | "activation.status_changed"
  | "hook.failed";

/** The fields of one event: its name and plain values. */
export type ReconcilerEventFields = { event: ReconcilerEventName } & Record<
  string,
  string | number | boolean | null | undefined
>;

/**
 * Where the reconciler logs: the same shape as the callback handler's logger,
 * so one logger serves both. `message` is a sentence for people; `fields`
 * is the event for machines.
 */
export interface ReconcilerLogger {
  info(message: string, fields: ReconcilerEventFields): void;
  warn(message: string, fields: ReconcilerEventFields): void;
  error(message: string, fields: ReconcilerEventFields): void;
}

export type LogLevel = "info" | "warn" | "error";

/** Logs one event; a logger that throws never stops the reconciler. */
export function logEvent(
  logger: ReconcilerLogger | undefined,
  level: LogLevel,
  message: string,
  fields: ReconcilerEventFields,
): void {
  try {
    logger?.[level](message, fields);
  } catch {
    // Logging must not break reconciling.
  }
}

/** An error's stable code and message for a log line (PcxError messages carry no secrets). */
export function errorFields(error: unknown): { code: string; message: string } {
  const code =
    typeof (error as { code?: unknown })?.code === "string"
      ? (error as { code: string }).code
      : "pcx_internal";
  const message = String((error as Error)?.message ?? error).slice(0, 500);
  return { code, message };
}

/**
 * Calls an observing hook (`onDecided`, `onStatusChange`): a throw is logged
 * as `hook.failed` with `ids` and never stops the reconciler.
 */
export async function callObserverHook(
  logger: ReconcilerLogger | undefined,
  hook: string,
  ids: Record<string, number>,
  call: () => unknown,
): Promise<void> {
  try {
    await call();
  } catch (error) {
    logEvent(logger, "error", `pcx reconciler: ${hook} threw`, {
      event: "hook.failed",
      hook,
      ...ids,
      ...errorFields(error),
    });
  }
}
