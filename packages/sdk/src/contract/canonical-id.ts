import { z } from "zod";

/** Ids on the wire: plain decimal digits, no sign, no leading zero, no exponent, no encoding. */
const CANONICAL_ID = /^[1-9][0-9]{0,15}$/;

/**
 * A path or query id as a number, or undefined when it is not written
 * canonically: `1e0`, `0x1`, `01`, `+1`, `1.0`, `%31` and ` 1` are not id 1.
 * The sandbox reads its path ids with it, and the callback its
 * `activationRequestId`, so that one request has one spelling.
 */
export function canonicalId(text: string | null | undefined): number | undefined {
  if (typeof text !== "string" || !CANONICAL_ID.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** What a refused id is told. */
export const CANONICAL_ID_MESSAGE =
  "must be a positive whole number in plain decimal digits, like 12";

/** An id in a URL (a string), read with `canonicalId`: `"12"` → 12; `" 12"`, `"12.0"`, `"0xc"` are refused. */
export const CanonicalIdParamSchema = z.string().transform((text, ctx) => {
  const id = canonicalId(text);
  if (id !== undefined) return id;
  ctx.addIssue({ code: "custom", message: CANONICAL_ID_MESSAGE, input: text });
  return z.NEVER;
});
