import { setTimeout as sleep } from "node:timers/promises";
import { API_ERROR_CODES, ApiErrorBodySchema, type RouteSpec, routes } from "@pcx/sdk/contract";
import { SandboxError } from "../sandbox-error.js";
import type { SandboxLogger } from "../sandbox-logger.js";
import { runApiOperation } from "./api-operation.js";
import type { Chaos, ChaosDecision } from "./chaos.js";
import { dropConnection, errorBody, errorBodyOf, errorResponse, jsonResponse } from "./http-io.js";
import { handleTokenRequest } from "./oauth-token.js";
import type { RouteGroup, RouteRun } from "./route-group.js";
import type { RouteEntry } from "./router.js";
import { countFault, type SandboxStats } from "./sandbox-stats.js";

export interface ApiGroupOptions {
  /** Fault injection; absent = none. */
  chaos?: Chaos | undefined;
  /** Fixed latency added to every request, in ms. */
  latencyMs: number;
  /** Check every answer against the contract (a mismatch is a 500: a sandbox bug). */
  validateResponses: boolean;
  stats: SandboxStats;
  log: SandboxLogger;
}

const NO_FAULT: ChaosDecision = { kind: "none" };

function faultAnswer(fault: Extract<ChaosDecision, { kind: "status" }>): Response {
  const code =
    fault.status === 429
      ? API_ERROR_CODES.RATE_LIMITED
      : fault.status === 503
        ? API_ERROR_CODES.SERVICE_UNAVAILABLE
        : API_ERROR_CODES.INTERNAL_ERROR;
  const message =
    fault.status === 429
      ? "Too many requests (sandbox chaos); retry after the Retry-After seconds."
      : `Sandbox chaos: injected ${fault.status} before the request was applied; retry.`;
  const headers: Record<string, string> =
    fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : {};
  return jsonResponse(fault.status, errorBody([{ field: null, message, code }]), headers);
}

/** The partner API under /api: every route of the contract (@pcx/sdk/contract), nothing else. */
export function createApiGroup(options: ApiGroupOptions): RouteGroup {
  const entries: RouteEntry<RouteRun>[] = Object.values(routes).map((spec: RouteSpec) => ({
    method: spec.method,
    path: `/api${spec.path}`,
    trailingSlash: true,
    handler:
      spec.operationId === "getToken"
        ? (context) => handleTokenRequest(context, options.validateResponses)
        : (context, params) => runApiOperation(context, spec, params, options),
  }));
  return {
    name: "api",
    prefix: "/api",
    routes: entries,
    notFoundMessage: (method, path) =>
      `No API route ${method} ${path}; the routes are listed in docs/openapi.json.`,
    answerError(_context, error) {
      if (options.validateResponses && !ApiErrorBodySchema.safeParse(errorBodyOf(error)).success) {
        options.log.error("sandbox bug: error answer outside the contract", {
          status: error.status,
          code: error.code,
        });
        return errorResponse(
          new SandboxError(
            500,
            API_ERROR_CODES.INTERNAL_ERROR,
            "Sandbox bug: an error answer did not match the contract.",
          ),
        );
      }
      return errorResponse(error);
    },
    // Chaos and latency apply to every /api request, routed or not, the token endpoint included.
    async around(_context, next) {
      options.stats.apiRequests++;
      const fault = options.chaos?.decide() ?? NO_FAULT;
      if (fault.kind !== "none")
        countFault(options.stats, fault.kind === "status" ? String(fault.status) : fault.kind);
      if (fault.kind === "drop-before") return dropConnection();
      if (fault.kind === "status") return faultAnswer(fault);
      const delay = options.latencyMs + (fault.kind === "latency" ? fault.ms : 0);
      if (delay > 0) await sleep(delay);
      const answer = await next();
      // Applied, answer lost: the client must retry with its Idempotency-Key.
      return fault.kind === "drop-after" ? dropConnection() : answer;
    },
  };
}
