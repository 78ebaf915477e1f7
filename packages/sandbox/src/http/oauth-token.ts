import { OAuthErrorSchema, TokenRequestSchema, TokenResponseSchema } from "@pcx/sdk/contract";
import { OAuthFailure } from "../engine/auth.js";
import { jsonResponse, mediaTypeOf, readBody } from "./http-io.js";
import type { SandboxRequestContext } from "./sandbox-handler.js";

function answer(status: number, body: unknown): Response {
  return jsonResponse(status, body, { pragma: "no-cache" });
}

/**
 * POST /api/oauth/token: form-encoded client credentials plus api_key.
 * Answers `{access_token, token_type, expires_in}`, or `{error,
 * error_description}`: 400 for a malformed request, 401 for bad
 * credentials. Descriptions are phrases without a closing full stop
 * (RFC 6749 style): clients append their own advice after them.
 */
export async function handleTokenRequest(
  context: SandboxRequestContext,
  validateResponses: boolean,
): Promise<Response> {
  const raw = await readBody(context.request);
  if (mediaTypeOf(context.request) !== "application/x-www-form-urlencoded") {
    return answer(400, {
      error: "invalid_request",
      error_description:
        "Send the token request form-encoded (Content-Type: application/x-www-form-urlencoded)",
    });
  }
  const form = Object.fromEntries(new URLSearchParams(new TextDecoder().decode(raw)));
  const parsed = TokenRequestSchema.safeParse(form);
  if (!parsed.success) {
    const grant =
      parsed.error.issues.some((issue) => issue.path[0] === "grant_type") &&
      form.grant_type !== undefined;
    const fields = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    return answer(
      400,
      grant
        ? {
            error: "unsupported_grant_type",
            error_description: "Only grant_type=client_credentials is supported",
          }
        : {
            error: "invalid_request",
            error_description: `Missing or invalid: ${fields}. Send grant_type, client_id, client_secret and api_key`,
          },
    );
  }
  try {
    const token = context.engine.issueToken(parsed.data);
    if (validateResponses) TokenResponseSchema.parse(token);
    return answer(200, token);
  } catch (error) {
    if (!(error instanceof OAuthFailure)) throw error;
    const body = { error: error.error, error_description: error.message };
    if (validateResponses) OAuthErrorSchema.parse(body);
    return answer(error.status, body);
  }
}
