import type { z } from "zod";
import {
  buildPath,
  IDEMPOTENCY_HEADER,
  type RouteName,
  type RouteResponse,
  type RouteSpec,
  routes,
} from "../contract/index.js";
import { formatPath } from "../definition/issue-path.js";
import { PcxError } from "../errors/index.js";
import type { ClientLogger, RetryOptions } from "./client-options.js";
import {
  errorFromResponse,
  errorFromTransport,
  invalidResponseError,
  type RequestContext,
} from "./http-errors.js";
import { randomIdempotencyKey } from "./idempotency-key.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { Redactor } from "./redact.js";
import { backoffDelay, isRetryableStatus, parseRetryAfter } from "./retry-policy.js";
import { sendWithTimeout } from "./send-with-timeout.js";
import type { TokenCache } from "./token-cache.js";
import type { Transport, TransportResponse } from "./transport.js";

/** The inputs of one logical call; see `ProcountorClient.request`. */
export interface ExecuteInput {
  /** Path parameters, validated with the route's `params` schema. */
  params?: Record<string, string | number>;
  /** Query parameters, validated (and defaulted) with the route's `query` schema. */
  query?: Record<string, unknown>;
  /** The body, validated with the route's `body` schema and encoded per `bodyEncoding`. */
  body?: unknown;
  /** Mutating routes only: the `Idempotency-Key`. Default: a random UUID for this call. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Per-attempt timeout. Default: the client's `timeoutMs`. */
  timeoutMs?: number;
}

export interface ExecutorConfig {
  baseUrl: string;
  transport: Transport;
  /** Clock in milliseconds. */
  now: () => number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  retry: Required<RetryOptions>;
  limiter?: RateLimiter;
  timeoutMs: number;
  userAgent: string;
  logger?: ClientLogger;
  redactor: Redactor;
  clientId?: string;
  /** Supplies bearer tokens; required for `auth: "bearer"` routes. */
  tokens?: TokenCache;
}

export type Execute = <N extends RouteName>(
  name: N,
  input?: ExecuteInput,
) => Promise<RouteResponse<N>>;

type Failure = { error: PcxError; retryable: boolean; retryAfterMs?: number };

function checkInput(
  operationId: string,
  what: "params" | "query" | "body",
  schema: z.ZodType | undefined,
  value: unknown,
): unknown {
  if (!schema) return value;
  const parsed = schema.safeParse(value ?? (what === "body" ? undefined : {}));
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({
    field: formatPath(issue.path),
    message: issue.message,
  }));
  const first = fields[0];
  const isDefinition = what === "body" && /Integration$/.test(operationId);
  // Input values are not quoted: a body may hold secrets.
  throw new PcxError(
    isDefinition ? "pcx_invalid_definition" : "pcx_usage",
    `${operationId}: invalid ${what}${first ? ` — ${first.field || "(root)"}: ${first.message}` : ""}`,
    { details: { operationId, fields }, hint: "Nothing was sent; fix the input and call again." },
  );
}

/** Builds the one function that performs a route call with auth, limits, retries and validation. */
export function createRequestExecutor(config: ExecutorConfig): Execute {
  const base = config.baseUrl.replace(/\/+$/, "");
  const { logger } = config;
  // Callers check `logger` first, so no debug data is built (or redacted) without one.
  const log = (message: string, data: Record<string, unknown>): void => {
    logger?.debug(message, config.redactor.redact(data));
  };

  return async function execute<N extends RouteName>(
    name: N,
    input: ExecuteInput = {},
  ): Promise<RouteResponse<N>> {
    const route: RouteSpec = routes[name];
    const { operationId, method } = route;
    const params = checkInput(operationId, "params", route.params, input.params) as
      | Record<string, string | number>
      | undefined;
    const query = checkInput(operationId, "query", route.query, input.query) as
      | Record<string, unknown>
      | undefined;
    const body = checkInput(operationId, "body", route.body, input.body);

    const path = buildPath(route, params ?? {});
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) search.set(key, String(value));
    }
    const url = `${base}${path}${search.size > 0 ? `?${search}` : ""}`;

    const headers: Record<string, string> = {
      Accept: "application/json",
      "User-Agent": config.userAgent,
    };
    let encoded: string | undefined;
    if (route.body && body !== undefined) {
      if (route.bodyEncoding === "form") {
        encoded = new URLSearchParams(body as Record<string, string>).toString();
        headers["Content-Type"] = "application/x-www-form-urlencoded";
      } else {
        encoded = JSON.stringify(body);
        headers["Content-Type"] = "application/json";
      }
    }
    const idempotencyKey = route.idempotent
      ? (input.idempotencyKey ?? randomIdempotencyKey())
      : undefined;
    if (idempotencyKey) headers[IDEMPOTENCY_HEADER] = idempotencyKey;
    const safeToRetry = method === "GET" || route.idempotent || route.auth === "client-credentials";

    const ctx: RequestContext = {
      method,
      path,
      operationId,
      attempts: 0,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(config.clientId ? { clientId: config.clientId } : {}),
    };
    const signal = input.signal;
    const timeoutMs = input.timeoutMs ?? config.timeoutMs;
    const started = config.now();
    let refreshedAuth = false;
    let counted = 0;

    for (;;) {
      signal?.throwIfAborted();
      let token: string | undefined;
      if (route.auth === "bearer") {
        if (!config.tokens)
          throw new PcxError("pcx_internal", `${operationId} needs a token cache`);
        token = await config.tokens.get(signal);
      }
      await config.limiter?.acquire(signal);
      ctx.attempts++;
      counted++;
      const attemptHeaders = token ? { ...headers, Authorization: `Bearer ${token}` } : headers;
      if (logger)
        log("pcx request", {
          operationId,
          method,
          url,
          attempt: ctx.attempts,
          headers: attemptHeaders,
          ...(body !== undefined ? { body } : {}),
        });

      const sentAt = config.now();
      let response: TransportResponse | undefined;
      let failure: Failure | undefined;
      try {
        response = await sendWithTimeout(
          config.transport,
          { method, url, headers: attemptHeaders, ...(encoded ? { body: encoded } : {}) },
          signal,
          timeoutMs,
        );
      } catch (cause) {
        if (signal?.aborted) throw signal.reason;
        const timedOut = cause instanceof PcxError && cause.code === "pcx_timeout";
        failure = {
          error: errorFromTransport(
            ctx,
            timedOut ? cause.cause : cause,
            timedOut ? timeoutMs : undefined,
            config.redactor,
          ),
          retryable: safeToRetry,
        };
      }
      if (response) {
        const { status } = response;
        if (logger)
          log("pcx response", {
            operationId,
            status,
            durationMs: config.now() - sentAt,
            requestId: response.headers["x-request-id"],
            // Redacted before the cut, so no part of a secret survives it.
            body: config.redactor.excerpt(response.body, 2000),
          });
        if (status >= 200 && status < 300) {
          return parseSuccess(ctx, route, response) as RouteResponse<N>;
        }
        if (status === 401 && token && !refreshedAuth) {
          // The token may have been revoked or expired early: one fresh token, one more try.
          config.tokens?.invalidate(token);
          refreshedAuth = true;
          counted--;
          log("pcx token refused, refreshing", { operationId });
          continue;
        }
        failure = {
          error: errorFromResponse(ctx, response, config.redactor),
          retryable: isRetryableStatus(status),
        };
        if (status === 429 || status === 503) {
          const retryAfterMs = parseRetryAfter(response.headers["retry-after"], config.now());
          if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
        }
      }
      if (!failure) throw new PcxError("pcx_internal", `${operationId}: no response and no error`);

      const { error } = failure;
      if (!failure.retryable) throw error;
      const delay = failure.retryAfterMs ?? backoffDelay(counted, config.retry, config.random);
      const elapsed = config.now() - started;
      if (counted >= config.retry.maxAttempts || elapsed + delay > config.retry.maxElapsedMs) {
        if (error.details) {
          error.details.retriesExhausted = true;
          error.details.elapsedMs = elapsed;
          if (failure.retryAfterMs !== undefined) error.details.retryAfterMs = failure.retryAfterMs;
        }
        throw error;
      }
      if (logger)
        log("pcx retry", {
          operationId,
          attempt: ctx.attempts,
          code: error.code,
          status: error.details?.status,
          delayMs: delay,
          retryAfter: failure.retryAfterMs !== undefined,
        });
      await config.sleep(delay, signal);
    }
  };

  function parseSuccess(ctx: RequestContext, route: RouteSpec, response: TransportResponse) {
    let json: unknown;
    try {
      json = response.body === "" ? undefined : JSON.parse(response.body);
    } catch (cause) {
      throw invalidResponseError(
        ctx,
        response.status,
        { path: "", message: "not JSON" },
        cause,
        config.redactor,
      );
    }
    const parsed = route.response.safeParse(json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw invalidResponseError(
      ctx,
      response.status,
      { path: issue ? formatPath(issue.path) : "", message: issue?.message ?? "invalid" },
      parsed.error,
      config.redactor,
    );
  }
}
