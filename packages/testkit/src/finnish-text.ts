/**
 * Checks for Finnish texts (the sandbox's pages and e-mail, the rights
 * catalogue): English words or placeholders left in a translation, and
 * English-style semicolons between clauses.
 */

/** Common English words that never belong in a Finnish sentence (proper names and "API" are fine). */
const ENGLISH_WORDS = new Set(
  (
    "the an and or but of to in at by for from with without this that these those is are was were be been " +
    "it its you your yours we our they their she his her not yes if then than when while here there " +
    "please click open opens opened close continue back next select selected pick picked choose " +
    "sign signed request requests environment environments integration integrations integrator integrators " +
    "approved approve rejected reject pending expired timed timeout try again error errors page " +
    "step steps user users update updates updated rights right terms accept accepted link links " +
    "see support pricing price list email e-mail mail sent send outbox sandbox run runs report reports " +
    "view viewing all none nothing company companies invoice invoices payment payments salary salaries"
  ).split(" "),
);

const PLACEHOLDERS = /\$\{|\{\{|\{\w+\}|%[sdif]|\bundefined\b|\bNaN\b|\[object |\bTODO\b|\bXXX\b/;

/** Paths and URLs are not prose: "/sandbox/outbox" may stay as it is. */
function prose(text: string): string {
  return text.replace(/\S*(?:\/|https?:)\S*/g, " ");
}

/** English words found in `text` (lower case, in order), ignoring paths and URLs. */
export function englishWordsIn(text: string): string[] {
  const words =
    prose(text)
      .toLowerCase()
      .match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  return words.filter((word) => ENGLISH_WORDS.has(word));
}

/** A placeholder left in `text` (`${name}`, `{name}`, `%s`, "undefined", "NaN", "TODO"…), or undefined. */
export function placeholderIn(text: string): string | undefined {
  return PLACEHOLDERS.exec(text)?.[0];
}

/** True when `text` joins clauses with a semicolon, as English does and Finnish does not. */
export function hasClauseSemicolon(text: string): boolean {
  return /;\s/.test(prose(text));
}
