// @pcx/sdk/callback/node: the callback handler as a node:http listener.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallbackHandler } from "../callback-options.js";
import { callbackOutputFor, writeCallbackOutput } from "./node-io.js";

export { sendWebResponse, toWebRequest } from "./node-io.js";

/**
 * The handler as a node:http listener:
 * `createServer(nodeCallback(handler))`, or call it from your own listener
 * for the callback's path. Never rejects.
 */
export function nodeCallback(
  handler: CallbackHandler,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const output = await callbackOutputFor(handler, req);
    await writeCallbackOutput(res, output, req.method === "HEAD").catch(() => {
      // The browser went away; nothing left to answer.
      res.destroy();
    });
  };
}
