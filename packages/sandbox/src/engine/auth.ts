import { createHash, timingSafeEqual } from "node:crypto";
import type { TokenRequest, TokenResponse } from "@pcx/sdk/contract";
import { API_ERROR_CODES } from "@pcx/sdk/contract";
import { SandboxError } from "../sandbox-error.js";
import { type EngineContext, newSecret, nowIso } from "./engine-context.js";

/** Who an access token speaks for. */
export interface Principal {
  clientId: string;
  /** `integrator`: may call the partner API; `technical`: a technical user in one environment. */
  kind: "integrator" | "technical";
  username: string;
  integrationId: number | null;
  companyId: number | null;
  expiresAt: string;
}

/**
 * An OAuth failure at the token endpoint: `{error, error_description}` with
 * `status`. The description is a phrase without a closing full stop (RFC 6749
 * style), because clients append their own advice after it.
 */
export class OAuthFailure extends Error {
  constructor(
    readonly status: number,
    readonly error:
      | "invalid_client"
      | "invalid_grant"
      | "invalid_request"
      | "unsupported_grant_type",
    description: string,
  ) {
    super(description);
    this.name = "OAuthFailure";
  }
}

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

function sameSecret(a: string, b: string): boolean {
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  return timingSafeEqual(left, right);
}

/**
 * The M2M token exchange (dev.procountor.com/m2m-authentication): client credentials plus
 * an API key of one of the client's users (the integrator's own, or a
 * technical user's after an approval). Keys of removed activations fail.
 */
export function issueToken(ctx: EngineContext, form: TokenRequest): TokenResponse {
  const client = ctx.store.credentials.getClient(form.client_id);
  if (!client || !sameSecret(client.clientSecret, form.client_secret)) {
    throw new OAuthFailure(401, "invalid_client", "Unknown client_id or wrong client_secret");
  }
  const key = ctx.store.credentials.getKey(form.api_key);
  if (!key || key.clientId !== client.clientId) {
    throw new OAuthFailure(
      401,
      "invalid_grant",
      "The api_key is unknown or belongs to another API client",
    );
  }
  if (key.revokedAt) {
    throw new OAuthFailure(
      401,
      "invalid_grant",
      `The api_key was revoked at ${key.revokedAt} (the integration was removed from the environment)`,
    );
  }
  const now = ctx.now();
  const token = newSecret("pcxs_at");
  ctx.store.credentials.insertToken({
    tokenHash: hash(token),
    clientId: client.clientId,
    apiKey: key.apiKey,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ctx.tokenTtlSeconds * 1000).toISOString(),
  });
  return { access_token: token, token_type: "Bearer", expires_in: ctx.tokenTtlSeconds };
}

/** Resolves a bearer token; throws 401 (in the errors[] shape) when it is unknown, expired or revoked. */
export function authenticate(ctx: EngineContext, token: string | undefined): Principal {
  if (!token) {
    throw new SandboxError(
      401,
      API_ERROR_CODES.UNAUTHORIZED,
      "Missing bearer token: send Authorization: Bearer <access_token> from POST /api/oauth/token.",
    );
  }
  const row = ctx.store.credentials.getToken(hash(token));
  if (!row)
    throw new SandboxError(
      401,
      API_ERROR_CODES.UNAUTHORIZED,
      "Unknown access token: request a new one from POST /api/oauth/token.",
    );
  if (row.expiresAt <= nowIso(ctx)) {
    throw new SandboxError(
      401,
      API_ERROR_CODES.TOKEN_EXPIRED,
      `The access token expired at ${row.expiresAt}; request a new one from POST /api/oauth/token.`,
    );
  }
  const key = ctx.store.credentials.getKey(row.apiKey);
  if (!key || key.revokedAt) {
    throw new SandboxError(
      401,
      API_ERROR_CODES.UNAUTHORIZED,
      "The API key behind this access token was revoked.",
    );
  }
  return {
    clientId: key.clientId,
    kind: key.kind,
    username: key.username,
    integrationId: key.integrationId,
    companyId: key.companyId,
    expiresAt: row.expiresAt,
  };
}

/** Token introspection for tests and tools (RFC 7662 flavoured); never throws. */
export function introspect(
  ctx: EngineContext,
  token: string,
): ({ active: true } & Principal) | { active: false; reason: string } {
  try {
    return { active: true, ...authenticate(ctx, token) };
  } catch (error) {
    return { active: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
