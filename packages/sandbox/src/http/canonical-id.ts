/** Ids on the wire: plain decimal digits, no sign, no leading zero, no exponent, no encoding. */
const CANONICAL_ID = /^[1-9][0-9]{0,15}$/;

/**
 * A path or query id as a number, or undefined when it is not written
 * canonically: `1e0`, `0x1`, `01`, `+1`, `%31` and ` 1` are not id 1.
 */
export function canonicalId(text: string | null | undefined): number | undefined {
  if (typeof text !== "string" || !CANONICAL_ID.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** What a refused id is told. */
export const CANONICAL_ID_MESSAGE =
  "must be a positive whole number in plain decimal digits, like 12";

/** A page number or size in a query: decimal digits only (a leading zero is allowed, "0" is a page). */
export function isDecimal(text: string): boolean {
  return /^[0-9]{1,9}$/.test(text);
}
