import type { CallbackInput } from "./callback-input.js";
import type { CallbackOutput } from "./callback-output.js";

/**
 * A handler made by `createCallbackHandler` carries, under this symbol, the
 * core without its Web wrapping: the node:http, Express and Fastify adapters
 * call it with the method and URL (building a `Request` only if a hook asks
 * for one) and write its page straight to the socket. A Web `Response` costs
 * a stream per body, about as much CPU as the rest of a callback's own work.
 * Handlers of other origins (wrappers, test doubles) go through `handle`.
 */
export const NODE_FAST_PATH: unique symbol = Symbol.for("pcx.callback.nodeFastPath");

export type NodeFastPath = (input: CallbackInput) => Promise<CallbackOutput>;

export function fastPathOf(handler: object): NodeFastPath | undefined {
  const found = (handler as Record<symbol, unknown>)[NODE_FAST_PATH];
  return typeof found === "function" ? (found as NodeFastPath) : undefined;
}
