// The canonical id reading is the contract's: the callback reads its
// activationRequestId with the same function.
export { CANONICAL_ID_MESSAGE, canonicalId } from "@pcx/sdk/contract";

/** A page number or size in a query: decimal digits only (a leading zero is allowed, "0" is a page). */
export function isDecimal(text: string): boolean {
  return /^[0-9]{1,9}$/.test(text);
}
