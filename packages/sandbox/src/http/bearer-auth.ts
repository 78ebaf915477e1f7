import { API_ERROR_CODES } from "@pcx/sdk/contract";
import type { Principal } from "../engine/auth.js";
import { SandboxError } from "../sandbox-error.js";
import type { SandboxRequestContext } from "./sandbox-handler.js";

const REALM = 'Bearer realm="pcx-sandbox"';

/** `Bearer <token68>` (RFC 6750 §2.1): one scheme, one token of the token68 characters. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The caller of a partner API route, from `Authorization: Bearer …`. Three
 * different 401s: no header ("Missing bearer token"), a header that is not
 * `Bearer <token>` ("malformed", RFC 6750 `invalid_request`), and a token
 * that is unknown, expired or revoked (`invalid_token`).
 */
export function authenticateBearer(context: SandboxRequestContext): Principal {
  const header = context.request.headers.get("authorization");
  if (header !== null && header.trim() !== "") {
    const match = BEARER.exec(header.trim());
    if (!match) {
      throw new SandboxError(
        401,
        API_ERROR_CODES.UNAUTHORIZED,
        "Malformed Authorization header: send Authorization: Bearer <access_token> (one token from POST /api/oauth/token, nothing else).",
      ).withHeaders({ "www-authenticate": `${REALM}, error="invalid_request"` });
    }
    try {
      return context.engine.authenticate(match[1]);
    } catch (error) {
      if (error instanceof SandboxError && error.status === 401)
        error.withHeaders({ "www-authenticate": `${REALM}, error="invalid_token"` });
      throw error;
    }
  }
  try {
    return context.engine.authenticate(undefined);
  } catch (error) {
    if (error instanceof SandboxError) error.withHeaders({ "www-authenticate": REALM });
    throw error;
  }
}
