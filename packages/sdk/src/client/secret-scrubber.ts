/**
 * Scrubs known secret values out of text: the value itself, in the forms a
 * server may echo it in (form-encoded, percent-encoded, JSON-escaped, and
 * those nested), and any run of `FRAGMENT_LENGTH` or more of its characters
 * in any of those forms (a cut that splits a secret must not leave its first
 * part behind).
 */

export const REDACTED = "[REDACTED]";

/** Shorter values would blank out ordinary words; real secrets are long. */
export const MIN_SECRET_LENGTH = 6;
/** Any run of this many characters of a known secret (in any of its forms) is scrubbed. */
export const FRAGMENT_LENGTH = 8;

type Encode = (char: string) => string;

const raw: Encode = (char) => char;
const percent: Encode = encodeURIComponent;
const form: Encode = (char) => new URLSearchParams({ s: char }).toString().slice(2);
const json: Encode = (char) => JSON.stringify(char).slice(1, -1);
const lowerHex =
  (encode: Encode): Encode =>
  (char) =>
    encode(char).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
const then =
  (first: Encode, second: Encode): Encode =>
  (char) =>
    [...first(char)].map(second).join("");

/**
 * How a secret can come back, one character at a time (all of these encode
 * each character on its own, so a run of characters encodes to a run):
 * raw; form-encoded and percent-encoded (upper- or lower-case hex);
 * JSON-escaped; and a form, query or JSON text encoded once more (an echoed
 * request body inside a URL, a JSON body inside a form).
 */
const ENCODINGS: readonly Encode[] = [
  raw,
  form,
  percent,
  lowerHex(form),
  lowerHex(percent),
  json,
  then(form, percent),
  then(percent, percent),
  then(json, form),
  then(json, percent),
];

/** `secret` in every form of `ENCODINGS` (duplicates removed). */
export function secretForms(secret: string): string[] {
  const chars = [...secret];
  return [...new Set(ENCODINGS.map((encode) => chars.map(encode).join("")))];
}

/** Every run of `FRAGMENT_LENGTH` characters of `secret`, in every form. */
export function secretFragments(secret: string): string[] {
  const chars = [...secret];
  const fragments = new Set<string>();
  for (const encode of ENCODINGS) {
    const encoded = chars.map(encode);
    for (let i = 0; i + FRAGMENT_LENGTH <= encoded.length; i++) {
      fragments.add(encoded.slice(i, i + FRAGMENT_LENGTH).join(""));
    }
  }
  return [...fragments];
}

export interface SecretScrubber {
  /** The longest form of any secret (how far a cut may reach into one). */
  readonly longest: number;
  scrub(text: string): string;
}

/** A scrubber for these secret values (empty and short ones are ignored). */
export function createSecretScrubber(secrets: readonly string[]): SecretScrubber {
  const usable = secrets.filter((secret) => [...secret].length >= MIN_SECRET_LENGTH);
  // Whole values, longest first, so a form that contains another is replaced whole.
  const forms = [...new Set(usable.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  // Fragments, found by their first FRAGMENT_LENGTH characters (every fragment is at least that long).
  const byPrefix = new Map<string, string[]>();
  for (const fragment of new Set(usable.flatMap(secretFragments))) {
    const prefix = fragment.slice(0, FRAGMENT_LENGTH);
    const list = byPrefix.get(prefix);
    if (list) list.push(fragment);
    else byPrefix.set(prefix, [fragment]);
  }
  const longest = forms[0]?.length ?? 0;

  const scrubFragments = (text: string): string => {
    let out = "";
    let copied = 0;
    let runStart = -1;
    let runEnd = -1;
    for (let i = 0; i + FRAGMENT_LENGTH <= text.length; i++) {
      const candidates = byPrefix.get(text.slice(i, i + FRAGMENT_LENGTH));
      if (!candidates) continue;
      let end = -1;
      for (const fragment of candidates) {
        if (text.startsWith(fragment, i)) end = Math.max(end, i + fragment.length);
      }
      if (end < 0) continue;
      if (i > runEnd) {
        if (runStart >= 0) {
          out += text.slice(copied, runStart) + REDACTED;
          copied = runEnd;
        }
        runStart = i;
      }
      runEnd = Math.max(runEnd, end);
    }
    if (runStart < 0) return text;
    return out + text.slice(copied, runStart) + REDACTED + text.slice(runEnd);
  };

  return {
    longest,
    scrub(text: string): string {
      if (forms.length === 0 || text.length < MIN_SECRET_LENGTH) return text;
      let out = text;
      for (const value of forms) {
        if (out.includes(value)) out = out.split(value).join(REDACTED);
      }
      return byPrefix.size > 0 ? scrubFragments(out) : out;
    },
  };
}
