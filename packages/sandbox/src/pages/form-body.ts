import { readBody, requireMediaType } from "../http/http-io.js";

/** Forms are small; anything bigger is refused with 413. */
export const MAX_FORM_BYTES = 64 * 1024;

/**
 * Reads a form post as URLSearchParams: 413 over MAX_FORM_BYTES, 415 for a
 * non-empty body that is not application/x-www-form-urlencoded. A garbled
 * form gives odd fields, which the pages then refuse with a message, never a crash.
 */
export async function readForm(request: Request): Promise<URLSearchParams> {
  const body = await readBody(request, MAX_FORM_BYTES);
  requireMediaType(request, body, "application/x-www-form-urlencoded");
  return new URLSearchParams(new TextDecoder().decode(body));
}

/** A positive id from a path segment or field, or undefined. */
export function parseId(value: string | null | undefined): number | undefined {
  if (!value || !/^[1-9]\d{0,8}$/.test(value)) return undefined;
  return Number(value);
}

/**
 * The picked environments (`env` fields), deduplicated in order; `bad` is
 * true when any value is not an id.
 */
export function parsePickedIds(
  form: URLSearchParams,
  field = "env",
): { ids: number[]; bad: boolean } {
  const ids = new Set<number>();
  let bad = false;
  for (const value of form.getAll(field)) {
    const id = parseId(value);
    if (id === undefined) bad = true;
    else ids.add(id);
  }
  return { ids: [...ids], bad };
}
