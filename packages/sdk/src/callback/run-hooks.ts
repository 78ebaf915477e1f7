import type { DecisionResult } from "../decisions/index.js";
import { isPcxError, PcxError } from "../errors/index.js";
import type { CallbackFailure } from "./callback-failure.js";
import type { CallbackInput } from "./callback-input.js";
import type { CallbackErrorContext, DecidedContext } from "./callback-options.js";
import type { ResolvedCallbackOptions } from "./resolve-callback-options.js";

function asPcxError(error: unknown, what: string): PcxError {
  return isPcxError(error)
    ? error
    : new PcxError("pcx_internal", `${what} threw: ${String((error as Error)?.message ?? error)}`, {
        cause: error,
      });
}

function reasonOf(failure: CallbackFailure): unknown {
  return (failure.error.details as { reason?: unknown } | undefined)?.reason;
}

/** Calls onError; what it throws is logged and dropped. */
export async function notifyError(
  h: ResolvedCallbackOptions,
  error: PcxError,
  ctx: CallbackErrorContext,
): Promise<void> {
  if (!h.onError) return;
  try {
    await h.onError(error, ctx);
  } catch (thrown) {
    h.logger?.error("pcx callback: onError threw", {
      reference: ctx.reference,
      message: String((thrown as Error)?.message ?? thrown),
    });
  }
}

/** Logs a failure (a refusal as a warning, our own failure as an error) and calls onError. */
export async function reportFailure(
  h: ResolvedCallbackOptions,
  failure: CallbackFailure,
  input: CallbackInput | null,
): Promise<void> {
  const fields = {
    code: failure.code,
    status: failure.status,
    reference: failure.reference,
    requestId: failure.requestId,
    message: failure.error.message,
    ...(reasonOf(failure) ? { reason: reasonOf(failure) } : {}),
  };
  if (failure.status >= 500) h.logger?.error("pcx callback failed", fields);
  else h.logger?.warn("pcx callback refused", fields);
  if (!h.onError) return;
  await notifyError(h, failure.error, {
    reference: failure.reference,
    requestId: failure.requestId,
    httpRequest: input ? input.request() : null,
  });
}

/**
 * Runs onDecided when the decision applied something itself; an error there
 * is logged and reported, but the decision stands and the customer sees it.
 */
export async function runOnDecided(
  h: ResolvedCallbackOptions,
  result: DecisionResult,
  ctx: DecidedContext,
  reference: () => string,
): Promise<void> {
  h.logger?.info?.("pcx decided", {
    requestId: result.requestId,
    via: ctx.via,
    environments: result.environments.map((env) => `${env.companyId}:${env.outcome}`).join(" "),
  });
  const applied = result.environments.some(
    (env) => env.outcome === "approved" || env.outcome === "rejected",
  );
  if (!applied || !h.onDecided) return;
  try {
    await h.onDecided(result, ctx);
  } catch (thrown) {
    const error = asPcxError(thrown, "onDecided");
    h.logger?.error("pcx callback: onDecided threw", {
      reference: reference(),
      requestId: result.requestId,
      message: error.message,
    });
    await notifyError(h, error, {
      reference: reference(),
      requestId: result.requestId,
      httpRequest: ctx.httpRequest,
    });
  }
}

export { asPcxError };
