/**
 * The test oracle for secret leaks: every run of 8 characters of a secret, in
 * the forms a server or a log may carry it (raw, form-encoded, percent-encoded
 * with upper- or lower-case hex, JSON-escaped, and those encoded once more),
 * found in a text. Written apart from the SDK's redactor on purpose.
 */

const RUN = 8;

const form = (text: string): string => new URLSearchParams({ s: text }).toString().slice(2);
const jsonEscape = (text: string): string => JSON.stringify(text).slice(1, -1);
const lower = (text: string): string => text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());

function encodings(run: string): string[] {
  return [
    run,
    form(run),
    encodeURIComponent(run),
    lower(form(run)),
    lower(encodeURIComponent(run)),
    jsonEscape(run),
    encodeURIComponent(form(run)),
    encodeURIComponent(encodeURIComponent(run)),
    form(jsonEscape(run)),
    encodeURIComponent(jsonEscape(run)),
  ];
}

/** Every encoded run of 8 characters of these secrets, mapped to the secret it came from. */
export function secretRuns(secrets: readonly string[]): Map<string, string> {
  const runs = new Map<string, string>();
  for (const secret of secrets) {
    const chars = [...secret];
    for (let i = 0; i + RUN <= chars.length; i++) {
      for (const encoded of encodings(chars.slice(i, i + RUN).join(""))) runs.set(encoded, secret);
    }
  }
  return runs;
}

/** The runs of `secrets` found in `text`, each with its secret and some context, for a test message. */
export function leakedFragments(
  text: string,
  secrets: readonly string[] | Map<string, string>,
): string[] {
  const runs = secrets instanceof Map ? secrets : secretRuns(secrets);
  // Every encoded run is at least 8 characters: look runs up by their first 8.
  const byHead = new Map<string, string[]>();
  for (const run of runs.keys()) {
    const head = run.slice(0, RUN);
    byHead.set(head, [...(byHead.get(head) ?? []), run]);
  }
  const found: string[] = [];
  for (let at = 0; at + RUN <= text.length; at++) {
    for (const run of byHead.get(text.slice(at, at + RUN)) ?? []) {
      if (!text.startsWith(run, at)) continue;
      found.push(
        `${JSON.stringify(run)} of ${JSON.stringify(runs.get(run))} in …${text.slice(Math.max(0, at - 80), at + run.length + 40)}…`,
      );
    }
  }
  return found;
}
