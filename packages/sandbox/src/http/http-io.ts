import type { IncomingMessage, ServerResponse } from "node:http";
import { API_ERROR_CODES, type ApiErrorCode, type ApiErrorItem } from "@pcx/sdk/contract";
import { SandboxError } from "../sandbox-error.js";

/** Bodies larger than this are refused (413). */
export const MAX_BODY_BYTES = 1_000_000;

/** Reads the whole request body; 413 SandboxError when it is too large. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit)
      throw new SandboxError(
        413,
        API_ERROR_CODES.BODY_TOO_LARGE,
        `The request body exceeds ${limit} bytes.`,
      );
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body; an empty body is `{}`. 400 with field null on bad JSON. */
export function parseJsonBody(raw: Buffer): unknown {
  const text = raw.toString("utf8").trim();
  if (text === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SandboxError(
      400,
      API_ERROR_CODES.INVALID_JSON,
      `The request body is not valid JSON (${(error as Error).message}); send Content-Type: application/json with a JSON object.`,
    );
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(text);
}

/** Procountor's error shape: `{errors: [{field, message, code}]}`; codes from `API_ERROR_CODES`. */
export function errorBody(errors: (ApiErrorItem & { code: ApiErrorCode })[]): {
  errors: ApiErrorItem[];
} {
  return { errors };
}

/** The wire body of a SandboxError (all its items). */
export function errorBodyOf(error: SandboxError): { errors: ApiErrorItem[] } {
  return errorBody(error.items);
}

export function sendError(
  res: ServerResponse,
  error: SandboxError,
  headers: Record<string, string> = {},
): void {
  sendJson(res, error.status, errorBodyOf(error), headers);
}

/** 500 for anything that is not a SandboxError: a bug in the sandbox, said plainly. */
export function toSandboxError(error: unknown): SandboxError {
  if (error instanceof SandboxError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SandboxError(500, API_ERROR_CODES.INTERNAL_ERROR, `Sandbox bug: ${message}`);
}
