import {
  API_ERROR_CODES,
  ApiErrorBodySchema,
  type ApiErrorItem,
  OAuthErrorSchema,
} from "../contract/index.js";
import { docsUrl } from "../docs/docs-url.js";
import { PcxError, type PcxErrorCode, type RequestErrorDetails } from "../errors/index.js";
import { joinSentences } from "../text/join-sentences.js";
import type { Redactor } from "./redact.js";
import type { TransportResponse } from "./transport.js";

/** What every client error names: the call, and how far it got. */
export interface RequestContext {
  method: string;
  /** Path relative to the API base, without the query string. */
  path: string;
  operationId: string;
  /** Attempts made so far, this one included. */
  attempts: number;
  idempotencyKey?: string;
  clientId?: string;
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

const HINTS: Partial<Record<PcxErrorCode, string>> = {
  pcx_api_validation: "Fix the fields listed in details.fields and send again.",
  pcx_unauthorized: "Check the client id, client secret and API key (pcx login).",
  pcx_forbidden:
    "The technical user lacks the right for this call, or the resource belongs to another integrator.",
  pcx_not_found: "Check the id; it may belong to another integrator or environment.",
  pcx_conflict: "The resource is not in a state that allows this; fetch it again and retry.",
  pcx_idempotency_conflict:
    "This Idempotency-Key was already used for a different request; use a new key for a different request.",
  pcx_limit_exceeded: "Raise the concurrent-activation limit or decide fewer environments.",
  pcx_already_decided:
    "The environment was already approved or rejected (perhaps by another instance); get the request to see its decisions.",
  pcx_request_expired:
    "The activation request timed out before it was decided; the customer must start the activation again.",
  pcx_request_not_found:
    "Check the activation request id: it does not exist, or it belongs to another integrator's integration.",
  pcx_rate_limited:
    "Procountor is limiting this client; try later or lower rateLimit.requestsPerSecond.",
  pcx_server_error: "Procountor answered with a server error; try again later.",
  pcx_network: "Check the network connection and the API base URL.",
  pcx_timeout: "Try again later, or raise timeoutMs.",
};

function label(ctx: RequestContext): string {
  return `[${ctx.method}] ${ctx.path}`;
}

function attemptsSuffix(ctx: RequestContext): string {
  return ctx.attempts > 1 ? ` (after ${ctx.attempts} attempts)` : "";
}

function baseDetails<Extra extends object>(
  ctx: RequestContext,
  extra: Extra,
): RequestErrorDetails & Extra {
  return {
    operationId: ctx.operationId,
    method: ctx.method,
    path: ctx.path,
    attempts: ctx.attempts,
    ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {}),
    ...extra,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeItems(items: ApiErrorItem[]): string {
  const shown = items
    .slice(0, 3)
    .map((item) => (item.field ? `${item.field}: ${item.message}` : item.message));
  return shown.join("; ") + (items.length > 3 ? ` (+${items.length - 3} more)` : "");
}

/** The calls about one activation request, where a 404 means that request is not the caller's. */
const REQUEST_OPERATIONS = new Set([
  "getActivationRequest",
  "approveActivationRequest",
  "rejectActivationRequest",
]);

/** Procountor's `errors[].code` first, then the HTTP status. */
function codeFor(
  status: number,
  items: ApiErrorItem[] | undefined,
  operationId: string,
): PcxErrorCode {
  const codes = new Set(items?.map((item) => item.code));
  if (codes.has(API_ERROR_CODES.IDEMPOTENCY_KEY_REUSED)) return "pcx_idempotency_conflict";
  if (codes.has(API_ERROR_CODES.LIMIT_EXCEEDED)) return "pcx_limit_exceeded";
  if (codes.has(API_ERROR_CODES.REQUEST_EXPIRED)) return "pcx_request_expired";
  if (codes.has(API_ERROR_CODES.ALREADY_DECIDED)) return "pcx_already_decided";
  if (status === 400 || status === 422) return "pcx_api_validation";
  if (status === 401) return "pcx_unauthorized";
  if (status === 403) return "pcx_forbidden";
  if (status === 404)
    return REQUEST_OPERATIONS.has(operationId) ? "pcx_request_not_found" : "pcx_not_found";
  if (status === 409) return "pcx_conflict";
  if (status === 429) return "pcx_rate_limited";
  if (status >= 500) return "pcx_server_error";
  return "pcx_api_error";
}

/** Which credential a failed token exchange points at; never quotes the secret itself. */
function tokenHint(ctx: RequestContext, error: string | undefined, description: string): string {
  const client = ctx.clientId ? ` (${ctx.clientId})` : "";
  if (/api[\s_-]?key/i.test(description) || error === "invalid_grant")
    return "Check the API key: it may be revoked, mistyped, or belong to another API client or company.";
  if (error === "invalid_client" || error === "unauthorized_client")
    return `Check the client id${client} and the client secret of your API client.`;
  return `Check the client id${client}, the client secret and the API key.`;
}

/** The PcxError for a non-success HTTP answer, message like `[PUT] /integrations/12/limits: 409 Conflict — …`. */
export function errorFromResponse(
  ctx: RequestContext,
  response: TransportResponse,
  redactor: Redactor,
): PcxError {
  const json = parseJson(response.body);
  const apiError = ApiErrorBodySchema.safeParse(json);
  const oauth = apiError.success ? undefined : OAuthErrorSchema.safeParse(json);
  const items = apiError.success ? apiError.data.errors : undefined;
  let serverMessage = "";
  if (items) serverMessage = describeItems(items);
  else if (oauth?.success)
    serverMessage = [oauth.data.error, oauth.data.error_description].filter(Boolean).join(": ");
  else if (json && typeof (json as { message?: unknown }).message === "string")
    serverMessage = (json as { message: string }).message;
  // Redacted before the cut, so no part of a secret survives it.
  else
    serverMessage = redactor.excerpt(response.body, 400).replace(/\s+/g, " ").trim().slice(0, 200);

  const isToken = ctx.operationId === "getToken";
  const code: PcxErrorCode =
    isToken && response.status >= 400 && response.status < 500 && response.status !== 429
      ? "pcx_unauthorized"
      : codeFor(response.status, items, ctx.operationId);
  const statusText = STATUS_TEXT[response.status] ?? "";
  const requestId = response.headers["x-request-id"] ?? response.headers["request-id"];
  const retryAfter = response.headers["retry-after"];
  const hint =
    isToken && code === "pcx_unauthorized"
      ? tokenHint(ctx, oauth?.success ? oauth.data.error : undefined, serverMessage)
      : HINTS[code];
  // A refused token exchange names the credential to check in the message itself;
  // joinSentences keeps one full stop when the server's text ends with its own.
  const fix = isToken && code === "pcx_unauthorized" ? hint : undefined;
  const message = `${joinSentences(
    `${label(ctx)}: ${response.status}${statusText ? ` ${statusText}` : ""}${
      serverMessage ? ` — ${serverMessage}` : ""
    }`,
    fix,
  )}${attemptsSuffix(ctx)}`;
  return new PcxError(code, redactor.redact(message), {
    hint,
    details: redactor.redact(
      baseDetails(ctx, {
        status: response.status,
        ...(requestId ? { requestId } : {}),
        ...(retryAfter ? { retryAfter } : {}),
        ...(items ? { fields: items } : {}),
        ...(oauth?.success ? { oauthError: oauth.data.error } : {}),
      }),
    ),
  });
}

/** The PcxError when no answer arrived: `pcx_timeout` when our timer fired, else `pcx_network`. */
export function errorFromTransport(
  ctx: RequestContext,
  cause: unknown,
  timedOutAfterMs: number | undefined,
  redactor: Redactor,
): PcxError {
  if (timedOutAfterMs !== undefined) {
    return new PcxError(
      "pcx_timeout",
      `${label(ctx)}: no answer within ${timedOutAfterMs} ms${attemptsSuffix(ctx)}`,
      {
        cause: redactor.cause(cause),
        hint: HINTS.pcx_timeout,
        details: baseDetails(ctx, { timeoutMs: timedOutAfterMs }),
      },
    );
  }
  const reason = describeCause(cause);
  return new PcxError(
    "pcx_network",
    redactor.redact(`${label(ctx)}: network error — ${reason}${attemptsSuffix(ctx)}`),
    {
      cause: redactor.cause(cause),
      hint: HINTS.pcx_network,
      details: redactor.redact(baseDetails(ctx, { reason })),
    },
  );
}

/** "fetch failed" says little; undici puts the real reason (ECONNREFUSED, …) in `cause`. */
function describeCause(cause: unknown): string {
  const parts: string[] = [];
  let current: unknown = cause;
  for (let depth = 0; current && depth < 4; depth++) {
    const { message, code } = current as { message?: unknown; code?: unknown };
    const text = [typeof code === "string" ? code : "", typeof message === "string" ? message : ""]
      .filter(Boolean)
      .join(" ");
    if (text && !parts.includes(text)) parts.push(text);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(": ") || String(cause);
}

/** The PcxError for a success answer that does not match the route's response schema. */
export function invalidResponseError(
  ctx: RequestContext,
  status: number,
  problem: { path: string; message: string },
  cause: unknown,
  redactor: Redactor,
): PcxError {
  const where = problem.path ? `field "${problem.path}"` : "the body";
  return new PcxError(
    "pcx_invalid_response",
    redactor.redact(
      `${label(ctx)}: ${status} answer does not match the contract of ${ctx.operationId}: ${where}: ${problem.message}`,
    ),
    {
      cause: redactor.cause(cause),
      hint: `The API and this SDK disagree on the wire contract (${docsUrl("contract")}); update @pcx/sdk or report it.`,
      details: redactor.redact(baseDetails(ctx, { status, field: problem.path })),
    },
  );
}
