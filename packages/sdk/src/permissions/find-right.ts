import { didYouMean } from "../text/did-you-mean.js";
import type { RightInfo } from "./right-info.js";
import { RIGHTS_CATALOGUE } from "./rights-catalogue.js";

const byKey = new Map(RIGHTS_CATALOGUE.map((entry) => [entry.key, entry]));

/** The catalogue entry for a right key, or undefined when the key is not in the catalogue. */
export function getRight(key: string): RightInfo | undefined {
  return byKey.get(key);
}

/**
 * The catalogue entry that `input` most likely meant: a typo of a key
 * (`sales-invocies`), or an English or Finnish label (`Ostolaskut`,
 * `Payment function`), compared without case, separators or diacritics and
 * allowing about one edit per three characters. Undefined when nothing is close.
 */
export function suggestRight(input: string): RightInfo | undefined {
  return didYouMean(
    input,
    RIGHTS_CATALOGUE.map((entry) => ({
      value: entry,
      spellings: [entry.key, entry.label.en, entry.label.fi],
    })),
  );
}
