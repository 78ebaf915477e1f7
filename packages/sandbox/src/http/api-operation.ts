import { API_ERROR_CODES, IDEMPOTENCY_HEADER, type RouteSpec } from "@pcx/sdk/contract";
import { z } from "zod";
import { fingerprintOf, type StoredAnswer } from "../engine/idempotency.js";
import { SandboxError } from "../sandbox-error.js";
import { apiOperations, isApiRoute, type OperationInput } from "./api-operations.js";
import { authenticateBearer } from "./bearer-auth.js";
import { CANONICAL_ID_MESSAGE, canonicalId, isDecimal } from "./canonical-id.js";
import { jsonResponse, parseJsonBody, readBody, requireMediaType } from "./http-io.js";
import type { SandboxRequestContext } from "./sandbox-handler.js";
import type { SandboxStats } from "./sandbox-stats.js";
import { issuesToErrors, type SandboxErrorItem } from "./zod-issues.js";

/** Query parameters that are numbers: decimal digits only, checked before the contract's schema coerces them. */
const NUMERIC_QUERY = ["page", "size"];

export interface ApiOperationOptions {
  /** Check every answer against the contract (a mismatch is a 500: a sandbox bug). */
  validateResponses: boolean;
  stats: SandboxStats;
}

/**
 * One partner API call of the contract: the bearer token, then every input
 * checked (path ids canonical, query, a JSON body sent as application/json,
 * the Idempotency-Key), all problems answered together as one 400; then the
 * engine call, in one transaction, replayed by its Idempotency-Key.
 */
export async function runApiOperation(
  context: SandboxRequestContext,
  spec: RouteSpec,
  rawParams: Record<string, string>,
  options: ApiOperationOptions,
): Promise<Response> {
  const { request, url, method, engine } = context;
  const principal = authenticateBearer(context);
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
  const ids: Record<string, number> = {};
  for (const [name, text] of Object.entries(rawParams)) {
    const id = canonicalId(text);
    if (id === undefined)
      errors.push({ field: name, message: CANONICAL_ID_MESSAGE, code: API_ERROR_CODES.INVALID });
    else ids[name] = id;
  }
  const params =
    Object.keys(ids).length === Object.keys(rawParams).length ? parse(spec.params, ids) : undefined;
  const rawQuery = Object.fromEntries(url.searchParams);
  const badNumbers = NUMERIC_QUERY.filter(
    (name) => rawQuery[name] !== undefined && !isDecimal(rawQuery[name]),
  );
  for (const name of badNumbers)
    errors.push({
      field: name,
      message: "must be a whole number in decimal digits",
      code: API_ERROR_CODES.INVALID,
    });
  const query = badNumbers.length === 0 ? parse(spec.query, rawQuery) : undefined;
  const raw = await readBody(request);
  let json: unknown;
  if (spec.body) {
    requireMediaType(request, raw, "application/json");
    json = parseJsonBody(raw);
  }
  const body = parse(spec.body, json);
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key !== null && (key.length === 0 || key.length > 255)) {
    errors.push({
      field: IDEMPOTENCY_HEADER,
      message: "send one key of 1 to 255 characters",
      code: API_ERROR_CODES.INVALID,
    });
  }
  if (errors.length > 0) throw SandboxError.validation(errors);

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
  if (spec.idempotent && key !== null) {
    const path = url.pathname.slice("/api".length);
    const answer = engine.idempotent(
      principal.clientId,
      key,
      fingerprintOf(method, path, json ?? null),
      execute,
    );
    if (answer.replayed) options.stats.idempotentReplays++;
    return jsonResponse(
      answer.status,
      answer.body,
      answer.replayed ? { "idempotent-replayed": "true" } : {},
    );
  }
  // One transaction, so an answer that fails the contract check rolls the change back.
  const answer = engine.transaction(execute);
  return jsonResponse(answer.status, answer.body);
}
