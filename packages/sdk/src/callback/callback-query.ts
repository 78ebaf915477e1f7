import {
  CANONICAL_ID_MESSAGE,
  type CallbackQuery,
  canonicalId,
  MAX_STATE_LENGTH,
} from "../contract/index.js";

/**
 * Reads the query of a callback URL; the message names the field when it is
 * not one. The same answers as `CallbackQuerySchema` (callback-query.test.ts
 * holds the two together), checked by hand: this runs on every callback, and
 * the schema's parse (with `Object.fromEntries` of the query) cost more than
 * the rest of reading the request.
 */
export function parseCallbackQuery(
  params: URLSearchParams,
): { ok: true; value: CallbackQuery } | { ok: false; message: string } {
  let id: string | undefined;
  let state: string | undefined;
  let ids = 0;
  let states = 0;
  for (const [name, value] of params) {
    if (name === "activationRequestId") {
      id = value;
      ids++;
    } else if (name === "state") {
      state = value;
      states++;
    }
  }
  if (ids > 1) return twice("activationRequestId");
  if (states > 1) return twice("state");
  if (id === undefined)
    return { ok: false, message: `the callback URL has no "activationRequestId"` };
  const activationRequestId = canonicalId(id);
  if (activationRequestId === undefined)
    return invalid("activationRequestId", CANONICAL_ID_MESSAGE);
  if (state === undefined) return { ok: true, value: { activationRequestId } };
  if (state.length > MAX_STATE_LENGTH) {
    return invalid("state", `at most ${MAX_STATE_LENGTH} characters`);
  }
  return { ok: true, value: { activationRequestId, state } };
}

function twice(name: string): { ok: false; message: string } {
  return { ok: false, message: `the callback URL has "${name}" more than once` };
}

function invalid(name: string, why: string): { ok: false; message: string } {
  return { ok: false, message: `the callback URL's "${name}" is not valid: ${why}` };
}
