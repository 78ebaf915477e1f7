// The one place the callback verifies a state. It has the signature of the
// state v2 `verifyState` (async, bound to an integration id, with a nonce)
// and, until v2 lands, runs the v1 verifier: a v1 token's payload may carry
// `integrationId` and `nonce` fields, and the signature stands in for a
// missing nonce (it is unique per signed token).
import { type StatePayload, type VerifyStateOptions, verifyState } from "../links/index.js";

export type CheckedState =
  | {
      ok: true;
      payload: StatePayload;
      keyId: string;
      integrationId: number;
      nonce: string;
      issuedAt: Date;
      expiresAt: Date;
    }
  | {
      ok: false;
      reason:
        | "malformed"
        | "bad_signature"
        | "expired"
        | "unknown_key"
        | "wrong_integration"
        | "unsupported_version";
      message: string;
      expiredAt?: Date;
    };

export interface CheckStateOptions {
  secrets: VerifyStateOptions["secrets"];
  integrationId: number;
  now: () => Date;
}

export async function checkState(token: string, options: CheckStateOptions): Promise<CheckedState> {
  const result = verifyState(token, { secrets: options.secrets, now: options.now });
  if (!result.ok) return result;
  const { integrationId, nonce, ...payload } = result.payload;
  if (typeof integrationId === "number" && integrationId !== options.integrationId) {
    return {
      ok: false,
      reason: "wrong_integration",
      message: `state was made for integration ${integrationId}, not ${options.integrationId}`,
    };
  }
  return {
    ok: true,
    payload: payload as StatePayload,
    keyId: result.keyId,
    integrationId: options.integrationId,
    nonce: typeof nonce === "string" ? nonce : (token.split(".")[3] ?? token),
    issuedAt: result.issuedAt,
    expiresAt: result.expiresAt,
  };
}
