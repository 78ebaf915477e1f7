// @pcx/sdk/callback/express: the callback handler as Express middleware.
// Types are structural: Express is not a dependency of @pcx/sdk.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallbackHandler } from "../callback-options.js";
import { callbackOutputFor, writeCallbackOutput } from "./node-io.js";

/**
 * Express middleware (Express 4 and 5):
 * `app.all("/procountor/callback", expressCallback(handler))` (`all`, so
 * other methods get the handler's 405 rather than a 404). Reads
 * `req.originalUrl`, so it works under a mounted router too; needs no body
 * parser and ignores one that ran first. Passes only a failed write to `next`.
 */
export function expressCallback(
  handler: CallbackHandler,
): (
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  next: (error?: unknown) => void,
) => Promise<void> {
  return async (req, res, next) => {
    const output = await callbackOutputFor(handler, req, req.originalUrl ?? req.url);
    try {
      await writeCallbackOutput(res, output, req.method === "HEAD");
    } catch (error) {
      next(error);
    }
  };
}
