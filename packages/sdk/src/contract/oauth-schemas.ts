import { z } from "zod";

/**
 * M2M authentication, published by Procountor (dev.procountor.com/m2m-authentication):
 * `POST {base}/oauth/token`, form-encoded client credentials plus `api_key`.
 */
/**
 * The one request body that is not strict: OAuth 2.0 servers ignore request
 * parameters they do not know (RFC 6749 §3.1), and this endpoint is
 * Procountor's published one, so the model does the same.
 */
export const TokenRequestSchema = z.object({
  grant_type: z.literal("client_credentials"),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  api_key: z.string().min(1),
});
/** The token request form: client credentials plus `api_key`. */
export type TokenRequest = z.output<typeof TokenRequestSchema>;

/** Published: the token answer; `token_type` defaults to Bearer. */
export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().default("Bearer"),
  /** Seconds; Procountor's tokens live about an hour. Use this, never a constant. */
  expires_in: z.number().int().positive(),
});
/** The token answer: `access_token`, `token_type`, `expires_in` (seconds). */
export type TokenResponse = z.output<typeof TokenResponseSchema>;

/** OAuth failures answer `{error, error_description}` rather than `errors[]`. */
export const OAuthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
/** A refused token request: `{ error, error_description? }`. */
export type OAuthError = z.output<typeof OAuthErrorSchema>;
