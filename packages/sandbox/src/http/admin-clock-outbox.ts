import { parseDuration } from "@pcx/sdk";
import type { SandboxEngine } from "../engine/sandbox-engine.js";
import { statusEmailTexts } from "../outbox/status-email-text.js";
import { invalid, SandboxError } from "../sandbox-error.js";
import { AdvanceClockBodySchema, OutboxQuerySchema } from "./admin-schemas.js";
import { CANONICAL_ID_MESSAGE, canonicalId } from "./canonical-id.js";
import type { SandboxRequestContext } from "./sandbox-handler.js";
import { issuesToErrors } from "./zod-issues.js";

function durationMs(text: string): number {
  try {
    return parseDuration(text);
  } catch {
    throw invalid(
      "by",
      `"${text}" is not a duration; use a number with a unit, e.g. "16m" or "1h30m".`,
    );
  }
}

/**
 * POST /sandbox/clock: moves the sandbox's clock forward by `{ "ms": n }` or
 * `{ "by": "16m" }` and expires what is due. 400 for anything else; the
 * clock never goes back.
 */
export function advanceClockFrom(engine: SandboxEngine, body: unknown) {
  const result = AdvanceClockBodySchema.safeParse(body);
  if (!result.success) throw SandboxError.validation(issuesToErrors(result.error, body));
  const input = result.data;
  return engine.advanceClock(input.ms ?? durationMs(input.by ?? ""));
}

/**
 * GET /sandbox/outbox[?userId=&requestId=]: the status e-mails "sent", newest
 * first, each with its text in English and Finnish.
 */
export function outboxOf({ engine, url, publicUrl }: SandboxRequestContext) {
  const raw = Object.fromEntries(url.searchParams);
  const result = OutboxQuerySchema.safeParse(raw);
  if (!result.success) throw SandboxError.validation(issuesToErrors(result.error, raw));
  for (const field of ["userId", "requestId"] as const)
    if (raw[field] !== undefined && canonicalId(raw[field]) === undefined)
      throw invalid(field, CANONICAL_ID_MESSAGE);
  return engine
    .listOutbox(result.data)
    .map((email) => ({ ...email, messages: statusEmailTexts(email, publicUrl) }));
}
