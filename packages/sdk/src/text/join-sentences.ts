/**
 * Joins sentences into one message with exactly one full stop between them:
 * `joinSentences("… another API client.", "Check the API key")` is
 * `"… another API client. Check the API key"`, never `"client.. Check"`.
 * A part that already ends in `.`, `!`, `?` or `…` keeps its own ending;
 * empty parts are left out.
 */
export function joinSentences(...parts: readonly (string | undefined)[]): string {
  let out = "";
  for (const raw of parts) {
    const part = raw?.trim();
    if (!part) continue;
    if (out === "") out = part;
    else out = `${/[.!?…]$/.test(out) ? out : `${out}.`} ${part}`;
  }
  return out;
}
