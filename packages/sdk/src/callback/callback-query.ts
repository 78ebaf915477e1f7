import { type CallbackQuery, CallbackQuerySchema } from "../contract/index.js";

/** Reads the query of a callback URL; the message names the field when it is not one. */
export function parseCallbackQuery(
  url: URL,
): { ok: true; value: CallbackQuery } | { ok: false; message: string } {
  for (const name of ["activationRequestId", "state"]) {
    if (url.searchParams.getAll(name).length > 1) {
      return { ok: false, message: `the callback URL has "${name}" more than once` };
    }
  }
  const parsed = CallbackQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? "query");
  return {
    ok: false,
    message:
      issue?.code === "invalid_type"
        ? `the callback URL has no "${field}"`
        : `the callback URL's "${field}" is not valid: ${issue?.message ?? "invalid"}`,
  };
}
