import type { DefinitionIssue } from "./definition-issue.js";

/**
 * The longest definition text pcx reads, in characters (128 Ki). The largest
 * valid definition (a 4,000-character longDescription and 50 rights with
 * 300-character purposes) is about 26,000; a longer file is not a definition.
 */
export const MAX_DEFINITION_LENGTH = 128 * 1024;

/**
 * The most line breaks, commas and opening brackets a definition text may
 * hold: a bound on the number of YAML nodes, so that parsing stays fast (the
 * YAML parser and the checks take about 30 ms per thousand nodes). The
 * largest definition has about 600 (50 rights, a long description, comments).
 */
export const MAX_DEFINITION_SEPARATORS = 2_000;

function separators(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n , [ {
    if (c === 0x0a || c === 0x2c || c === 0x5b || c === 0x7b) count++;
  }
  return count;
}

function tooLarge(message: string): DefinitionIssue {
  return { path: "", code: "too_large", severity: "error", message, line: 1, column: 1 };
}

/** The `too_large` issue for a text or file of `size` characters or bytes. */
export function tooLongIssue(
  name: string,
  size: number,
  unit: "characters" | "bytes",
): DefinitionIssue {
  return tooLarge(
    `${name} is too large for a definition (${size} ${unit}; the limit is ${MAX_DEFINITION_LENGTH} characters, and a complete definition is usually under 10000); check that this is the right file`,
  );
}

/**
 * A `too_large` issue (line 1) when `text` is longer than
 * MAX_DEFINITION_LENGTH or has more than MAX_DEFINITION_SEPARATORS
 * separators; undefined when its size is fine. Checked before parsing, so a
 * huge or machine-generated file is refused in a few milliseconds.
 */
export function definitionSizeIssue(text: string, name: string): DefinitionIssue | undefined {
  if (text.length > MAX_DEFINITION_LENGTH) return tooLongIssue(name, text.length, "characters");
  const count = separators(text);
  if (count > MAX_DEFINITION_SEPARATORS) {
    return tooLarge(
      `${name} has too many lines, list items and fields for a definition (${count} line breaks, commas and brackets; the limit is ${MAX_DEFINITION_SEPARATORS}, and a complete definition has a few hundred); check that this is the right file`,
    );
  }
  return undefined;
}
