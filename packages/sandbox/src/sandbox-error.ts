import { API_ERROR_CODES, type ApiErrorCode } from "@pcx/sdk/contract";

/**
 * An error the sandbox answers on the wire, in Procountor's shape
 * `{errors: [{field, message, code}]}` (docs/contract.md "Errors"). The engine
 * throws it; the HTTP layer maps it to `status`. Pages can show `message`
 * as is: it says what is wrong and how to fix it. Codes come from the
 * contract's `API_ERROR_CODES`, so the sandbox answers no code the contract
 * does not list.
 */
export class SandboxError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** Dot-path of the offending input field, or null for the request as a whole. */
  readonly field: string | null;
  /** Every problem when there are several (validation); the first is `field`/`message`. */
  readonly items: { field: string | null; message: string; code: ApiErrorCode }[];
  /** Headers the answer carries (`Allow` with a 405, `WWW-Authenticate` with a 401). */
  readonly headers: Record<string, string> = {};

  constructor(status: number, code: ApiErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = "SandboxError";
    this.status = status;
    this.code = code;
    this.field = field;
    this.items = [{ field, message, code }];
  }

  /** Adds headers to the answer; returns this error. */
  withHeaders(headers: Record<string, string>): this {
    Object.assign(this.headers, headers);
    return this;
  }

  /** A 400 listing every invalid field. */
  static validation(
    items: { field: string | null; message: string; code?: ApiErrorCode }[],
  ): SandboxError {
    const [first] = items;
    const error = new SandboxError(
      400,
      first?.code ?? API_ERROR_CODES.INVALID,
      first?.message ?? "invalid request",
      first?.field ?? null,
    );
    error.items.splice(
      0,
      1,
      ...items.map((item) => ({ ...item, code: item.code ?? API_ERROR_CODES.INVALID })),
    );
    return error;
  }
}

export function notFound(what: string): SandboxError {
  return new SandboxError(404, API_ERROR_CODES.NOT_FOUND, `${what} was not found.`);
}

export function conflict(
  code: ApiErrorCode,
  message: string,
  field: string | null = null,
): SandboxError {
  return new SandboxError(409, code, message, field);
}

export function invalid(
  field: string | null,
  message: string,
  code: ApiErrorCode = API_ERROR_CODES.INVALID,
): SandboxError {
  return new SandboxError(400, code, message, field);
}
