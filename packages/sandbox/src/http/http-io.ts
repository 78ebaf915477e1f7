import type { ApiErrorItem } from "@pcx/sdk/contract";
import { API_ERROR_CODES } from "@pcx/sdk/contract";
import { SandboxError } from "../sandbox-error.js";

/** Bodies larger than this are refused (413). */
export const MAX_BODY_BYTES = 1_000_000;

/** JSON bodies nested deeper than this are refused (400): no answer needs more than a few levels. */
export const MAX_JSON_DEPTH = 64;

function tooLarge(limit: number): SandboxError {
  return new SandboxError(
    413,
    API_ERROR_CODES.BODY_TOO_LARGE,
    `The request body exceeds ${limit} bytes; send a smaller one.`,
  );
}

/**
 * Reads the whole request body; 413 SandboxError when it is larger than
 * `limit` bytes (default: MAX_BODY_BYTES, 1,000,000), 400 when it ends
 * before its Content-Length. A declared Content-Length over the limit is refused before
 * reading; otherwise reading stops at the first byte over it (the node:http
 * adapter then drains or closes the connection, see node-listener.ts).
 */
export async function readBody(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(limit);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (error instanceof SandboxError) throw error;
      throw new SandboxError(
        400,
        API_ERROR_CODES.BAD_REQUEST,
        "The request body could not be read: it ended before its Content-Length, or its chunked encoding is broken.",
      );
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The media type of a Content-Type header, lower-cased without parameters ("" when absent). */
export function mediaTypeOf(request: Request): string {
  const header = request.headers.get("content-type") ?? "";
  return (header.split(";")[0] ?? "").trim().toLowerCase();
}

/**
 * Refuses (415) a body whose Content-Type is not `expected`. An empty body
 * needs no type unless `evenWhenEmpty` (the admin routes: a cross-site form
 * can send an empty text/plain POST).
 */
export function requireMediaType(
  request: Request,
  body: Uint8Array,
  expected: "application/json" | "application/x-www-form-urlencoded",
  evenWhenEmpty = false,
): void {
  if (body.byteLength === 0 && !evenWhenEmpty) return;
  if (mediaTypeOf(request) === expected) return;
  const given = mediaTypeOf(request) || "none";
  throw new SandboxError(
    415,
    API_ERROR_CODES.UNSUPPORTED_MEDIA_TYPE,
    `Send the body as Content-Type: ${expected} (got ${given.slice(0, 100)}).`,
    "Content-Type",
  );
}

/** The deepest nesting of arrays and objects in a JSON text (strings skipped), without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return deepest;
}

/**
 * Parses a JSON body; an empty body is `{}`. 400 INVALID_JSON on bytes that
 * are not UTF-8, on bad JSON, and on nesting deeper than MAX_JSON_DEPTH.
 */
export function parseJsonBody(raw: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw).trim();
  } catch {
    throw new SandboxError(
      400,
      API_ERROR_CODES.INVALID_JSON,
      "The request body is not valid UTF-8.",
    );
  }
  if (text === "") return {};
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new SandboxError(
      400,
      API_ERROR_CODES.INVALID_JSON,
      `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`,
    );
  }
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

/** A JSON answer, never cached. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  const text = JSON.stringify(body);
  return new Response(text, {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...headers,
    },
  });
}

/** Procountor's error shape: `{errors: [{field, message, code}]}`. */
export function errorBody(errors: ApiErrorItem[]): { errors: ApiErrorItem[] } {
  return { errors };
}

/** The wire body of a SandboxError (all its items). */
export function errorBodyOf(error: SandboxError): { errors: ApiErrorItem[] } {
  return errorBody(error.items);
}

/** A SandboxError as an answer in Procountor's error shape, with its status. */
export function errorResponse(error: SandboxError, headers: Record<string, string> = {}): Response {
  return jsonResponse(error.status, errorBodyOf(error), { ...error.headers, ...headers });
}

/** 500 for anything that is not a SandboxError: a bug in the sandbox, said plainly. */
export function toSandboxError(error: unknown): SandboxError {
  if (error instanceof SandboxError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SandboxError(500, API_ERROR_CODES.INTERNAL_ERROR, `Sandbox bug: ${message}`);
}

/**
 * The answer that stands for "no answer": the node:http adapter destroys
 * the socket, `sandbox.fetch` rejects like a network failure. Chaos uses it.
 */
export function dropConnection(): Response {
  return Response.error();
}

/** True for the answer of `dropConnection()`. */
export function isDrop(response: Response): boolean {
  return response.type === "error";
}
