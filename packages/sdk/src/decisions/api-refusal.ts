import { isPcxError } from "../errors/index.js";

/** Why Procountor refused a decision, when it is one the decision module settles itself. */
export type ApiRefusal = "already_decided" | "expired" | "not_found";

function apiCodes(error: { details?: Record<string, unknown> | undefined }): Set<unknown> {
  const fields = error.details?.fields;
  return new Set(Array.isArray(fields) ? fields.map((item) => item?.code) : []);
}

/**
 * Reads a client error as a refusal the decision module handles: the
 * environment was already decided, the request expired, or it does not exist
 * (for this client). Also reads the API's own codes (ALREADY_DECIDED,
 * REQUEST_EXPIRED) behind a generic 409, so it does not depend on how the
 * client maps them. Anything else is undefined: a real failure.
 */
export function apiRefusalOf(error: unknown): ApiRefusal | undefined {
  if (!isPcxError(error)) return undefined;
  if (error.code === "pcx_already_decided") return "already_decided";
  if (error.code === "pcx_request_expired") return "expired";
  if (error.code === "pcx_request_not_found" || error.code === "pcx_not_found") return "not_found";
  if (error.code === "pcx_conflict") {
    const codes = apiCodes(error);
    if (codes.has("ALREADY_DECIDED")) return "already_decided";
    if (codes.has("REQUEST_EXPIRED")) return "expired";
  }
  return undefined;
}
