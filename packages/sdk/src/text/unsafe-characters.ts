/**
 * Characters that must not reach a terminal (or a page) unescaped, and how to
 * name them in a message. Shared by the definition checks, which reject them
 * in text fields, and by `sanitizeForTerminal`, which escapes them.
 *
 * Unsafe:
 * - C0 controls U+0000–U+001F (NUL, BEL, BS, CR, ESC, …), except a line break
 *   (U+000A) and a tab (U+0009) when line breaks are allowed;
 * - DEL U+007F and the C1 controls U+0080–U+009F (U+009B is an 8-bit CSI);
 * - the bidirectional-text controls that change the order text is shown in:
 *   U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069 ("Trojan Source").
 */

/** Options of `findUnsafeCharacter`. */
export interface UnsafeCharacterOptions {
  /** Whether a line break (\n) and a tab (\t) are allowed. Default true. */
  allowLineBreaks?: boolean;
}

const NAMES: Readonly<Record<number, string>> = {
  0: "NUL",
  7: "BEL (bell)",
  8: "BS (backspace)",
  9: "TAB",
  10: "LF (line break)",
  13: "CR (carriage return)",
  27: "ESC (escape)",
  127: "DEL",
  155: "CSI (control sequence introducer)",
  1564: "ARABIC LETTER MARK",
  8206: "LEFT-TO-RIGHT MARK",
  8207: "RIGHT-TO-LEFT MARK",
  8234: "LEFT-TO-RIGHT EMBEDDING",
  8235: "RIGHT-TO-LEFT EMBEDDING",
  8236: "POP DIRECTIONAL FORMATTING",
  8237: "LEFT-TO-RIGHT OVERRIDE",
  8238: "RIGHT-TO-LEFT OVERRIDE",
  8294: "LEFT-TO-RIGHT ISOLATE",
  8295: "RIGHT-TO-LEFT ISOLATE",
  8296: "FIRST STRONG ISOLATE",
  8297: "POP DIRECTIONAL ISOLATE",
};

/** Whether `code` (a UTF-16 code unit; every unsafe character is a single one) is a bidi control. */
export function isBidiControl(code: number): boolean {
  return (
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** Whether `code` (a UTF-16 code unit) is unsafe to print; see the module comment. */
export function isUnsafeCharacter(code: number, options: UnsafeCharacterOptions = {}): boolean {
  if (code < 0x20) return !(options.allowLineBreaks !== false && (code === 0x0a || code === 0x09));
  if (code >= 0x7f && code <= 0x9f) return true;
  return isBidiControl(code);
}

/** `U+001B ESC (escape)`: the code point and, when it has a well-known one, its name. */
export function describeCharacter(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = NAMES[code];
  if (name) return `${hex} ${name}`;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `${hex} (a control character)` : hex;
}

/** The first unsafe character in `text`: its index (UTF-16) and code, or undefined. */
export function findUnsafeCharacter(
  text: string,
  options: UnsafeCharacterOptions = {},
): { index: number; code: number } | undefined {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isUnsafeCharacter(code, options)) return { index, code };
  }
  return undefined;
}
