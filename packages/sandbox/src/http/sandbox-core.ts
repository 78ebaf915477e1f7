import { API_ERROR_CODES } from "@pcx/sdk/contract";
import type { SandboxEngine } from "../engine/sandbox-engine.js";
import { SandboxError } from "../sandbox-error.js";
import type { SandboxLogger } from "../sandbox-logger.js";
import { errorResponse, isDrop, toSandboxError } from "./http-io.js";
import type { RouteGroup, RouteRun } from "./route-group.js";
import { createRouter } from "./router.js";
import {
  matchesPrefix,
  type SandboxHandler,
  type SandboxRequestContext,
} from "./sandbox-handler.js";

/** The sandbox as a function: a Web `Request` in, a `Response` out. Never rejects. */
export type SandboxFetchCore = (request: Request) => Promise<Response>;

export interface SandboxCoreOptions {
  engine: SandboxEngine;
  /** The route groups, most specific prefix first; a group with prefix "/" goes last. */
  groups: readonly RouteGroup[];
  /** Mounted handlers, read per request: tried after the groups with their own prefix, before the "/" group. */
  handlers: () => readonly SandboxHandler[];
  publicUrl: () => string;
  log: SandboxLogger;
}

/** Where paths go when no group and no handler claims them (the pages are off). */
const FALLBACK: RouteGroup = {
  name: "none",
  prefix: "/",
  routes: [],
  notFoundMessage: (_method, path) =>
    `Nothing at ${path}. The API is under /api, the sandbox's own routes under /sandbox (docs/sandbox.md).`,
  answerError: (_context, error) => errorResponse(error),
};

interface Routed {
  group: RouteGroup;
  run: RouteRun;
}

/**
 * The sandbox's fetch core: one router over every group's routes, one place
 * that answers 404 and 405, and one catch that turns any error into the
 * group's error answer (a bug becomes a 500 that says so, never a crash).
 */
export function createSandboxCore(options: SandboxCoreOptions): SandboxFetchCore {
  const { engine, log } = options;
  const router = createRouter<Routed>(
    options.groups.flatMap((group) =>
      group.routes.map((route) => ({ ...route, handler: { group, run: route.handler } })),
    ),
  );
  const prefixed = options.groups.filter((group) => group.prefix !== "/");
  const root = options.groups.find((group) => group.prefix === "/") ?? FALLBACK;

  const answerError = async (
    group: RouteGroup,
    context: SandboxRequestContext,
    caught: unknown,
  ): Promise<Response> => {
    const error = toSandboxError(caught);
    if (error.status >= 500)
      log.error(error.message, { method: context.method, path: context.url.pathname });
    try {
      return await group.answerError(context, error);
    } catch (again) {
      log.error(`sandbox bug: the ${group.name} error answer failed: ${String(again)}`);
      return errorResponse(toSandboxError(again));
    }
  };

  const routeIn = (group: RouteGroup, context: SandboxRequestContext) => async () => {
    try {
      const { method, url } = context;
      const found = router.match(method, url.pathname);
      if (found && "route" in found && found.route.handler.group === group)
        return await found.route.handler.run(context, found.params);
      if (found && "allowed" in found) {
        throw new SandboxError(
          405,
          API_ERROR_CODES.METHOD_NOT_ALLOWED,
          `${method} is not allowed on ${url.pathname}; use ${found.allowed.join(" or ")}.`,
        ).withHeaders({ allow: found.allowed.join(", ") });
      }
      throw new SandboxError(
        404,
        API_ERROR_CODES.NOT_FOUND,
        group.notFoundMessage(method, url.pathname),
      );
    } catch (caught) {
      return answerError(group, context, caught);
    }
  };

  const mounted = async (handler: SandboxHandler, context: SandboxRequestContext) => {
    try {
      const answer = await handler.handle(context);
      if (!(answer instanceof Response))
        throw new Error(`handler "${handler.name}" answered no Response`);
      return answer;
    } catch (caught) {
      return answerError(FALLBACK, context, caught);
    }
  };

  return async (request) => {
    const started = performance.now();
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const context: SandboxRequestContext = {
      request,
      url,
      method,
      engine,
      publicUrl: options.publicUrl(),
      log,
    };
    const path = url.pathname;
    let name: string;
    let response: Response;
    const group = prefixed.find((g) => matchesPrefix(g.prefix, path));
    const handler = group
      ? undefined
      : options.handlers().find((h) => matchesPrefix(h.prefix, path));
    if (handler) {
      name = handler.name;
      response = await mounted(handler, context);
    } else {
      const chosen = group ?? root;
      name = chosen.name;
      const next = routeIn(chosen, context);
      try {
        response = chosen.around ? await chosen.around(context, next) : await next();
      } catch (caught) {
        response = await answerError(chosen, context, caught);
      }
    }
    log.debug?.(`${method} ${path} ${isDrop(response) ? "dropped" : response.status}`, {
      ms: Math.round(performance.now() - started),
      handler: name,
    });
    return response;
  };
}
