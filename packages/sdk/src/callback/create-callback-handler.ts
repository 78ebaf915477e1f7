import { inputOf } from "./callback-input.js";
import type { CallbackHandler, CallbackHandlerOptions } from "./callback-options.js";
import { toWebResponse } from "./callback-output.js";
import { completeRequest } from "./complete-request.js";
import { processCallback } from "./handle-callback.js";
import { NODE_FAST_PATH } from "./node-fast-path.js";
import { resolveCallbackOptions } from "./resolve-callback-options.js";

/**
 * The callback handler, on Web `Request`/`Response` (Node, Bun, Deno,
 * Workers; adapters for node:http, Express, Fastify and Fetch frameworks
 * are in `@pcx/sdk/callback/*`). For each callback it:
 *
 * 1. accepts GET only (HEAD runs the checks of steps 2–3 and records and decides nothing; anything else is 405);
 * 2. reads `activationRequestId` and `state`, and verifies the state
 *    (signature, expiry, made for this integration);
 * 3. reads the request over the authenticated API and checks it belongs to
 *    this integration, carries the same state, is pending and has not expired;
 * 4. records it in the store and consumes the state's nonce (a state already
 *    used by another request is refused);
 * 5. asks `onActivationRequest` for a decision and applies it with the
 *    decision module (one decision per environment across instances), then
 *    runs `onDecided`.
 *
 * Every failure answers a page the customer understands, with a stable code
 * (see docs/callback.md) and a reference; the detail goes to the logger and
 * `onError`, never to the customer. Throws `pcx_config` on missing or weak options.
 */
export function createCallbackHandler(options: CallbackHandlerOptions): CallbackHandler {
  const resolved = resolveCallbackOptions(options);
  const handler: CallbackHandler = {
    handle: async (request) =>
      toWebResponse(await processCallback(resolved, inputOf(request)), request.method === "HEAD"),
    complete: (requestId, decision) => completeRequest(resolved, requestId, decision),
  };
  // The Node adapters reach the core without building Web objects (see node-fast-path.ts).
  Object.defineProperty(handler, NODE_FAST_PATH, {
    value: (input: Parameters<typeof processCallback>[1]) => processCallback(resolved, input),
  });
  return handler;
}
