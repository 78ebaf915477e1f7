import { createServer, type Server } from "node:http";
import { API_ERROR_CODES } from "@pcx/sdk/contract";
import type { SandboxEngine } from "../engine/sandbox-engine.js";
import { SandboxError } from "../sandbox-error.js";
import type { SandboxLogger } from "../sandbox-options.js";
import { sendError, toSandboxError } from "./http-io.js";
import { matchesPrefix, type SandboxHandler } from "./sandbox-handler.js";

/**
 * The sandbox's node:http server: no framework, a list of handlers tried in
 * order by path prefix (`handlers()` is read per request, so handlers added
 * after start take effect). Unmatched paths get a 404 in Procountor's error shape.
 */
export function createSandboxServer(options: {
  engine: SandboxEngine;
  handlers: () => readonly SandboxHandler[];
  publicUrl: () => string;
  log: SandboxLogger;
}): Server {
  const { engine, log } = options;
  const server = createServer((req, res) => {
    const started = performance.now();
    const publicUrl = options.publicUrl();
    const url = new URL(req.url ?? "/", publicUrl);
    const method = (req.method ?? "GET").toUpperCase();
    const handler = options.handlers().find((h) => matchesPrefix(h.prefix, url.pathname));
    res.on("finish", () => {
      log.debug?.(`${method} ${url.pathname} ${res.statusCode}`, {
        ms: Math.round(performance.now() - started),
        handler: handler?.name,
      });
    });
    const context = { req, res, url, method, engine, publicUrl, log };
    Promise.resolve()
      .then(() => {
        if (!handler)
          throw new SandboxError(
            404,
            API_ERROR_CODES.NOT_FOUND,
            `Nothing at ${url.pathname}. The API is under /api, the sandbox's own routes under /sandbox (docs/sandbox.md).`,
          );
        return handler.handle(context);
      })
      .catch((caught: unknown) => {
        const error = toSandboxError(caught);
        if (error.status >= 500)
          log.error(error.message, { method, path: url.pathname, handler: handler?.name });
        if (res.headersSent || res.destroyed) {
          res.destroy();
          return;
        }
        sendError(res, error);
      });
  });
  server.keepAliveTimeout = 5_000;
  return server;
}
