import { setTimeout as sleep } from "node:timers/promises";
import {
  API_ERROR_CODES,
  ApiErrorBodySchema,
  IDEMPOTENCY_HEADER,
  matchRoute,
  type RouteSpec,
} from "@pcx/sdk/contract";
import { z } from "zod";
import { fingerprintOf, type StoredAnswer } from "../engine/idempotency.js";
import { SandboxError } from "../sandbox-error.js";
import { apiOperations, isApiRoute, type OperationInput } from "./api-operations.js";
import type { Chaos, ChaosDecision } from "./chaos.js";
import {
  errorBody,
  errorBodyOf,
  parseJsonBody,
  readBody,
  sendJson,
  toSandboxError,
} from "./http-io.js";
import { handleTokenRequest } from "./oauth-token.js";
import type { SandboxHandler, SandboxRequestContext } from "./sandbox-handler.js";
import { countFault, type SandboxStats } from "./sandbox-stats.js";
import { issuesToErrors, type SandboxErrorItem } from "./zod-issues.js";

export interface ApiHandlerOptions {
  /** Fault injection; absent = none. */
  chaos?: Chaos | undefined;
  /** Fixed latency added to every request, in ms. */
  latencyMs: number;
  /** Check every answer against the contract (a mismatch is a 500: a sandbox bug). */
  validateResponses: boolean;
  stats: SandboxStats;
}

type Respond = (status: number, body: unknown, headers?: Record<string, string>) => void;

const API_PREFIX = "/api";
const NO_FAULT: ChaosDecision = { kind: "none" };

/** The partner API under /api: every route of the contract (@pcx/sdk/contract), nothing else. */
export function createApiHandler(options: ApiHandlerOptions): SandboxHandler {
  return { name: "api", prefix: API_PREFIX, handle: (context) => handleApi(context, options) };
}

async function handleApi(
  context: SandboxRequestContext,
  options: ApiHandlerOptions,
): Promise<void> {
  const { req, res, log } = context;
  options.stats.apiRequests++;
  const fault = options.chaos?.decide() ?? NO_FAULT;
  if (fault.kind !== "none")
    countFault(options.stats, fault.kind === "status" ? String(fault.status) : fault.kind);
  if (fault.kind === "drop-before") {
    req.socket.destroy();
    return;
  }
  if (fault.kind === "status") {
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
      fault.retryAfterSeconds !== undefined
        ? { "retry-after": String(fault.retryAfterSeconds) }
        : {};
    sendJson(res, fault.status, errorBody([{ field: null, message, code }]), headers);
    return;
  }
  const delay = options.latencyMs + (fault.kind === "latency" ? fault.ms : 0);
  if (delay > 0) await sleep(delay);

  const respond: Respond = (status, body, headers = {}) => {
    if (fault.kind === "drop-after") {
      // Applied, answer lost: the client must retry with its Idempotency-Key.
      req.socket.destroy();
      return;
    }
    if (
      status >= 400 &&
      options.validateResponses &&
      !ApiErrorBodySchema.safeParse(body).success &&
      !("error" in (body as object))
    ) {
      log.error("sandbox bug: error answer outside the contract", { status });
      sendJson(
        res,
        500,
        errorBody([
          {
            field: null,
            message: "Sandbox bug: an error answer did not match the contract.",
            code: API_ERROR_CODES.INTERNAL_ERROR,
          },
        ]),
      );
      return;
    }
    sendJson(res, status, body, headers);
  };
  try {
    await route(context, options, respond);
  } catch (caught) {
    const error = toSandboxError(caught);
    if (error.status >= 500)
      log.error(error.message, { method: context.method, path: context.url.pathname });
    const headers: Record<string, string> =
      error.status === 401 ? { "www-authenticate": 'Bearer realm="pcx-sandbox"' } : {};
    respond(error.status, errorBodyOf(error), headers);
  }
}

function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1];
}

async function route(
  context: SandboxRequestContext,
  options: ApiHandlerOptions,
  respond: Respond,
): Promise<void> {
  const { req, url, method, engine } = context;
  const path = url.pathname.slice(API_PREFIX.length) || "/";
  const match = matchRoute(method, path);
  if (!match)
    throw new SandboxError(
      404,
      API_ERROR_CODES.NOT_FOUND,
      `No API route ${method} ${url.pathname}; the routes are listed in docs/openapi.json.`,
    );
  if (!("route" in match)) {
    respond(
      405,
      errorBody([
        {
          field: null,
          message: `${method} is not allowed on ${url.pathname}; use ${match.allowed.join(" or ")}.`,
          code: API_ERROR_CODES.METHOD_NOT_ALLOWED,
        },
      ]),
      { allow: match.allowed.join(", ") },
    );
    return;
  }
  const spec: RouteSpec = match.route;
  if (spec.operationId === "getToken") {
    await handleTokenRequest(
      context,
      (status, body) => respond(status, body),
      options.validateResponses,
    );
    return;
  }
  const principal = engine.authenticate(bearerOf(req.headers.authorization));
  if (principal.kind !== "integrator") {
    throw new SandboxError(
      403,
      API_ERROR_CODES.FORBIDDEN,
      `This access token is technical user "${principal.username}" of environment ${principal.companyId}; the partner API needs a token for the integrator's own API key.`,
    );
  }

  const errors: SandboxErrorItem[] = [];
  const parse = (schema: z.ZodType | undefined, data: unknown): unknown => {
    if (!schema) return undefined;
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    errors.push(...issuesToErrors(result.error, data));
    return undefined;
  };
  const params = parse(spec.params, match.params);
  const query = parse(spec.query, Object.fromEntries(url.searchParams));
  const raw = await readBody(req);
  const json = spec.body ? parseJsonBody(raw) : undefined;
  const body = parse(spec.body, json);
  const key = req.headers[IDEMPOTENCY_HEADER.toLowerCase()];
  if (Array.isArray(key) || (key !== undefined && (key.length === 0 || key.length > 255))) {
    errors.push({
      field: IDEMPOTENCY_HEADER,
      message: "send one key of 1 to 255 characters",
      code: API_ERROR_CODES.INVALID,
    });
  }
  if (errors.length > 0) {
    respond(400, errorBody(errors));
    return;
  }

  const name = spec.operationId;
  if (!isApiRoute(name)) throw new Error(`no operation for route ${name}`);
  const input = { clientId: principal.clientId, params, query, body } as OperationInput<
    typeof name
  >;
  const execute = (): StoredAnswer => {
    const answer = (apiOperations[name] as (e: typeof engine, i: typeof input) => unknown)(
      engine,
      input,
    );
    if (options.validateResponses) {
      const checked = spec.response.safeParse(answer);
      if (!checked.success)
        throw new Error(
          `the answer of ${name} does not match the contract: ${z.prettifyError(checked.error)}`,
        );
    }
    return { status: spec.successStatus, body: answer };
  };
  if (spec.idempotent && typeof key === "string") {
    const answer = engine.idempotent(
      principal.clientId,
      key,
      fingerprintOf(method, path, json ?? null),
      execute,
    );
    if (answer.replayed) options.stats.idempotentReplays++;
    respond(answer.status, answer.body, answer.replayed ? { "idempotent-replayed": "true" } : {});
    return;
  }
  // One transaction, so an answer that fails the contract check rolls the change back.
  const answer = engine.transaction(execute);
  respond(answer.status, answer.body);
}
