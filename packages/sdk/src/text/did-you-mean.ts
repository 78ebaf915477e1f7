/**
 * Edit distance and "did you mean" suggestions, shared by the definition
 * checks (unknown keys) and the permissions lint (unknown rights). Internal.
 */

/**
 * Optimal-string-alignment distance (Levenshtein plus transposition of two
 * adjacent characters, "Damerau"): "sales-invocies" → "sales-invoices" is 1.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows are enough for the transposition lookback.
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, prevPrev[j - 2]! + 1);
      }
      row.push(best);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Folds case, Finnish/Swedish letters and separators so that "Sales Invoices",
 * "sales_invoices" and "salesinvoices" compare equal: lowercase, diacritics
 * removed (ä → a, ö → o, å → a), everything but letters and digits dropped.
 */
export function foldForComparison(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** The largest distance still treated as a typo: about one edit per three characters, at least 1. */
export function typoThreshold(length: number): number {
  return Math.max(1, Math.floor(length / 3));
}

/**
 * The candidate closest to `input`, or undefined when none is close enough.
 * Each candidate may have several spellings (a key and its labels); the
 * comparison uses `foldForComparison`, so `callbackURL` finds `callbackUrl`;
 * a prefix of at least 4 characters counts too (`privacy` finds `privacyPolicy`).
 */
export function didYouMean<T>(
  input: string,
  candidates: Iterable<{ value: T; spellings: readonly string[] }>,
): T | undefined {
  const folded = foldForComparison(input);
  if (folded.length === 0) return undefined;
  let best: { value: T; distance: number } | undefined;
  for (const candidate of candidates) {
    for (const spelling of candidate.spellings) {
      const target = foldForComparison(spelling);
      if (target.length === 0) continue;
      const shorter = Math.min(folded.length, target.length);
      const prefix = shorter >= 4 && (target.startsWith(folded) || folded.startsWith(target));
      // A prefix ("privacy" for "privacyPolicy") ranks after an exact match, before a typo.
      const distance = prefix
        ? Math.min(0.5, editDistance(folded, target))
        : editDistance(folded, target);
      if (distance > typoThreshold(Math.max(folded.length, target.length))) continue;
      if (!best || distance < best.distance) best = { value: candidate.value, distance };
    }
  }
  return best?.value;
}
