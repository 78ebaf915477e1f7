/**
 * Scrubs known secret values out of text: the value itself, the forms a
 * server may echo it in (form-encoded, percent-encoded, JSON-escaped), and any
 * fragment of those of `FRAGMENT_LENGTH` or more characters (a cut that
 * splits a secret must not leave its first part behind).
 */

export const REDACTED = "[REDACTED]";

/** Shorter values would blank out ordinary words; real secrets are long. */
export const MIN_SECRET_LENGTH = 6;
/** Any run of this many characters taken from a known secret (in any of its forms) is scrubbed. */
export const FRAGMENT_LENGTH = 8;

const lowerHex = (text: string): string =>
  text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());

/** The ways `secret` can come back: raw, form-encoded, percent-encoded, JSON-escaped. */
export function secretForms(secret: string): string[] {
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const percent = encodeURIComponent(secret);
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = [secret, form, percent, json, lowerHex(form), lowerHex(percent)];
  return [...new Set(forms)].filter((value) => value.length >= MIN_SECRET_LENGTH);
}

export interface SecretScrubber {
  /** The longest form of any secret (how far a cut may reach into one). */
  readonly longest: number;
  scrub(text: string): string;
}

/** A scrubber for these secret values (empty and short ones are ignored). */
export function createSecretScrubber(secrets: readonly string[]): SecretScrubber {
  // Longest first, so a form that contains another is replaced whole.
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  const grams = new Set<string>();
  for (const value of forms) {
    for (let i = 0; i + FRAGMENT_LENGTH <= value.length; i++) {
      grams.add(value.slice(i, i + FRAGMENT_LENGTH));
    }
  }
  const longest = forms[0]?.length ?? 0;

  const scrubFragments = (text: string): string => {
    let out = "";
    let copied = 0;
    let runEnd = -1;
    let runStart = -1;
    for (let i = 0; i + FRAGMENT_LENGTH <= text.length; i++) {
      if (!grams.has(text.slice(i, i + FRAGMENT_LENGTH))) continue;
      if (i > runEnd) {
        if (runStart >= 0) {
          out += text.slice(copied, runStart) + REDACTED;
          copied = runEnd;
        }
        runStart = i;
      }
      runEnd = i + FRAGMENT_LENGTH;
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
      return grams.size > 0 ? scrubFragments(out) : out;
    },
  };
}
