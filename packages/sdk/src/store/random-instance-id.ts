/**
 * A short random id for one running instance (`callback-1a2b3c4d`,
 * `reconciler-…`): recorded as `decidedBy` and used as the lease holder, so
 * logs and the store tell instances apart.
 */
export function randomInstanceId(prefix: string): string {
  const bytes = new Uint8Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
