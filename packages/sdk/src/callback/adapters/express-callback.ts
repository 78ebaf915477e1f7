// @pcx/sdk/callback/express: the callback handler as Express middleware.
// Types are structural: Express is not a dependency of @pcx/sdk.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallbackHandler } from "../callback-options.js";
import { refusedByRuntime, sendWebResponse, toWebRequest } from "./node-io.js";

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
    const request = toWebRequest(req, req.originalUrl ?? req.url);
    const response = request ? await handler.handle(request) : refusedByRuntime(req.method);
    try {
      await sendWebResponse(res, response, req.method === "HEAD");
    } catch (error) {
      next(error);
    }
  };
}
