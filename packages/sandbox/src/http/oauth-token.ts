import { OAuthErrorSchema, TokenRequestSchema, TokenResponseSchema } from "@pcx/sdk/contract";
import { OAuthFailure } from "../engine/auth.js";
import { readBody, sendJson } from "./http-io.js";
import type { SandboxRequestContext } from "./sandbox-handler.js";

/**
 * POST /api/oauth/token: form-encoded client credentials plus api_key
 * (dev.procountor.com/m2m-authentication). Answers `{access_token, token_type, expires_in}`,
 * or `{error, error_description}`: 400 for a malformed request, 401 for bad credentials.
 */
export async function handleTokenRequest(
  context: SandboxRequestContext,
  respond: (status: number, body: unknown) => void,
  validateResponses: boolean,
): Promise<void> {
  const raw = (await readBody(context.req)).toString("utf8");
  const type = context.req.headers["content-type"] ?? "";
  if (!type.includes("application/x-www-form-urlencoded")) {
    return respond(400, {
      error: "invalid_request",
      error_description:
        "Send the token request form-encoded (Content-Type: application/x-www-form-urlencoded).",
    });
  }
  const form = Object.fromEntries(new URLSearchParams(raw));
  const parsed = TokenRequestSchema.safeParse(form);
  if (!parsed.success) {
    const grant =
      parsed.error.issues.some((issue) => issue.path[0] === "grant_type") &&
      form.grant_type !== undefined;
    const fields = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    return respond(
      400,
      grant
        ? {
            error: "unsupported_grant_type",
            error_description: "Only grant_type=client_credentials is supported.",
          }
        : {
            error: "invalid_request",
            error_description: `Missing or invalid: ${fields}. Send grant_type, client_id, client_secret and api_key.`,
          },
    );
  }
  try {
    const token = context.engine.issueToken(parsed.data);
    if (validateResponses) TokenResponseSchema.parse(token);
    respond(200, token);
  } catch (error) {
    if (!(error instanceof OAuthFailure)) throw error;
    const body = { error: error.error, error_description: error.message };
    if (validateResponses) OAuthErrorSchema.parse(body);
    respond(error.status, body);
  }
}

export function sendTokenAnswer(
  context: SandboxRequestContext,
  status: number,
  body: unknown,
): void {
  sendJson(context.res, status, body, { pragma: "no-cache" });
}
