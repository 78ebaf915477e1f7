import type { ActivationRequest } from "../contract/index.js";
import {
  applyDecision,
  type Decision,
  type DecisionResult,
  validateDecision,
} from "../decisions/index.js";
import { PcxError } from "../errors/index.js";
import { stateRefusalCode } from "../links/state-refusal-code.js";
import { callbackFailure, lazyReference } from "./callback-failure.js";
import type { CallbackInput } from "./callback-input.js";
import type {
  ActivationRequestContext,
  CallbackAnswer,
  VerifiedState,
} from "./callback-options.js";
import { type CallbackOutput, htmlPage, integratorAnswer } from "./callback-output.js";
import { decidedPage, failurePage } from "./callback-pages.js";
import { parseCallbackQuery } from "./callback-query.js";
import { type CheckedState, checkState } from "./check-state.js";
import { decisionShortcuts } from "./decision-shortcuts.js";
import { pendingResult } from "./pending-result.js";
import { checkNotExpired, checkPending, readRequest } from "./read-request.js";
import { recordRequest } from "./record-request.js";
import type { ResolvedCallbackOptions } from "./resolve-callback-options.js";
import { asPcxError, reportFailure, runOnDecided } from "./run-hooks.js";
import { singleFlight } from "./single-flight.js";

interface Seen {
  requestId: number | null;
  request: ActivationRequest | null;
}

function refused(code: "pcx_invalid_callback", message: string, details = {}): PcxError {
  return new PcxError(code, message, { details });
}

function stateError(result: Extract<CheckedState, { ok: false }>): PcxError {
  const code = stateRefusalCode(result.reason);
  return new PcxError(code, `The callback's state was refused: ${result.message}`, {
    details: { reason: result.reason },
  });
}

/** The state and the request must belong together: the API passes the link's state through untouched. */
function checkStateOfRequest(
  h: ResolvedCallbackOptions,
  request: ActivationRequest,
  given: string | undefined,
): void {
  const invalid = (message: string, reason: string) =>
    new PcxError("pcx_invalid_state", message, { details: { reason, requestId: request.id } });
  if (given !== undefined && request.state !== given) {
    throw invalid(
      `The state in the callback URL is not the state of activation request ${request.id}`,
      "not_this_request",
    );
  }
  if (given === undefined && request.state !== null) {
    throw invalid(`The callback URL lost the state of activation request ${request.id}`, "missing");
  }
  if (given === undefined && request.kind === "ACTIVATION" && h.requireState) {
    throw invalid(
      `Activation request ${request.id} did not start from a link with a state (requireState is on)`,
      "missing",
    );
  }
}

function hookContext(
  request: ActivationRequest,
  state: VerifiedState | null,
  input: CallbackInput,
): ActivationRequestContext {
  return {
    via: "callback",
    state,
    ref: state?.payload.ref ?? null,
    get httpRequest() {
      return input.request() ?? new Request(input.url);
    },
    ...decisionShortcuts(request),
  };
}

function answerOf(returned: Decision | CallbackAnswer): CallbackAnswer {
  return Array.isArray(returned)
    ? { decision: returned as Decision }
    : (returned as CallbackAnswer);
}

/** Verifies, reads, checks, records, asks the hook, decides; throws what the failure page shows. */
async function answer(
  h: ResolvedCallbackOptions,
  input: CallbackInput,
  seen: Seen,
  reference: () => string,
): Promise<CallbackOutput> {
  const method = input.method;
  if (method !== "GET" && method !== "HEAD") {
    throw refused(
      "pcx_invalid_callback",
      `${method} is not allowed on the callback; Procountor sends the customer with GET`,
      { httpStatus: 405, method },
    );
  }
  const query = parseCallbackQuery(input.query ?? new URL(input.url).searchParams);
  if (!query.ok) throw refused("pcx_invalid_callback", `Not a callback: ${query.message}`);
  const { activationRequestId: requestId, state: token } = query.value;
  seen.requestId = requestId;
  let checked: CheckedState | null =
    token === undefined ? null : await checkState(token, h.stateSecretsOptions);
  // An expired state is looked at again once the request says when the customer used the link.
  const expired = checked !== null && !checked.ok && checked.reason === "expired";
  if (checked && !checked.ok && !expired) throw stateError(checked);

  const request = await readRequest(h, requestId);
  seen.request = request;
  if (token !== undefined && expired) {
    checked = await checkState(token, {
      ...h.stateSecretsOptions,
      now: () => new Date(request.createdAt),
    });
  }
  if (checked && !checked.ok) throw stateError(checked);
  checkStateOfRequest(h, request, token);
  if (request.status !== "COMPLETED") checkNotExpired(h, request);
  checkPending(request);

  // HEAD: the status a GET would start with, recording and deciding nothing.
  if (method === "HEAD") return htmlPage(200, null);
  const state: VerifiedState | null = checked?.ok
    ? {
        payload: checked.payload,
        keyId: checked.keyId,
        nonce: checked.nonce,
        issuedAt: checked.issuedAt,
        expiresAt: checked.expiresAt,
      }
    : null;
  const now = h.now();
  const { stored, replayed } = await recordRequest(h.store, request, state, now);
  if (replayed) {
    throw new PcxError(
      "pcx_state_replayed",
      `The state of activation request ${requestId} was already used by another request`,
      { details: { requestId } },
    );
  }

  let returned: Decision | CallbackAnswer;
  try {
    returned = await h.onActivationRequest(request, hookContext(request, state, input));
  } catch (error) {
    throw asPcxError(error, "onActivationRequest");
  }
  const { decision, response } = answerOf(returned);
  const checkedDecision = validateDecision(request, decision);
  if (!checkedDecision.value) {
    throw new PcxError(
      "pcx_usage",
      `onActivationRequest returned a decision that does not fit request ${requestId}: ${checkedDecision.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
    );
  }
  let result: DecisionResult;
  if (checkedDecision.value.some((outcome) => outcome.action !== "defer")) {
    const applied = await singleFlight(h, requestId, () =>
      applyDecision({
        client: h.client,
        store: h.store,
        request,
        decision: checkedDecision.value as Decision,
        decidedBy: h.decidedBy,
        sealer: h.sealer,
        now: h.now,
      }),
    );
    result = applied.result;
    if (applied.first) {
      const decided = {
        via: "callback" as const,
        state,
        get httpRequest() {
          return input.request() ?? new Request(input.url);
        },
      };
      await runOnDecided(h, result, decided, reference);
    }
  } else {
    result = pendingResult(request);
  }
  const deferred = result.environments.some((env) => env.outcome === "deferred");
  if (deferred !== stored.deferred) await h.store.setRequestDeferred(requestId, deferred);
  if (response !== undefined) return integratorAnswer(response);
  try {
    const custom = await h.respond?.decided?.(result, input.request() ?? new Request(input.url));
    if (custom !== undefined) return integratorAnswer(custom);
  } catch (thrown) {
    // The decision stands; the customer gets the built-in page instead.
    h.logger?.error("pcx callback: respond.decided threw", {
      reference: reference(),
      requestId,
      message: String((thrown as Error)?.message ?? thrown),
    });
  }
  return htmlPage(200, decidedPage(result, h.appName));
}

/** The core of `handle`: never throws; every failure becomes its page (or the integrator's override). */
export async function processCallback(
  h: ResolvedCallbackOptions,
  input: CallbackInput,
): Promise<CallbackOutput> {
  const reference = lazyReference();
  const seen: Seen = { requestId: null, request: null };
  try {
    return await answer(h, input, seen, reference);
  } catch (caught) {
    const failure = callbackFailure(caught, { reference: reference(), ...seen }, h.appName);
    await reportFailure(h, failure, input);
    try {
      const custom =
        h.respond?.failed &&
        (await h.respond.failed(failure, input.request() ?? new Request(input.url)));
      if (custom) return integratorAnswer(custom);
    } catch (thrown) {
      h.logger?.error("pcx callback: respond.failed threw", {
        reference: reference(),
        message: String((thrown as Error)?.message ?? thrown),
      });
    }
    return htmlPage(
      failure.status,
      failurePage(failure),
      failure.status === 405 ? { allow: "GET, HEAD" } : {},
    );
  }
}
