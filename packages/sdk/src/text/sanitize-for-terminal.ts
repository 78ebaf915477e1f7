import { isBidiControl, isUnsafeCharacter } from "./unsafe-characters.js";

/** Options of `sanitizeForTerminal`. */
export interface SanitizeForTerminalOptions {
  /**
   * Keep line breaks (\n, and \r\n turned into \n) and tabs, for text that
   * spans lines. False escapes them too, for one-line labels. Default true.
   */
  multiline?: boolean;
}

function escapeCode(code: number): string {
  const hex = code.toString(16).padStart(code > 0xff ? 4 : 2, "0");
  return code > 0xff ? `\\u${hex}` : `\\x${hex}`;
}

/**
 * Makes text from elsewhere (a server's error message, a definition's fields,
 * a file name) safe to print on a terminal: every C0 and C1 control (ESC and
 * so every escape sequence, NUL, BEL, CR, …), DEL and bidirectional-text
 * control is replaced by a visible escape such as `\x1b` or `\u202e`. An error
 * text `\x1b]0;pwned\x07` cannot retitle the terminal: it prints as the
 * characters `\x1b]0;pwned\x07`. Line breaks and tabs are kept unless
 * `multiline` is false. Other text, including every printable Unicode
 * character, is returned unchanged; safe text is returned as is.
 */
export function sanitizeForTerminal(
  text: string,
  options: SanitizeForTerminalOptions = {},
): string {
  const allowLineBreaks = options.multiline !== false;
  let out = "";
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Fast path: printable ASCII and most of Unicode.
    if (code >= 0x20 && code < 0x7f) continue;
    if (code > 0x9f && !isBidiControl(code)) continue;
    if (!isUnsafeCharacter(code, { allowLineBreaks })) continue;
    out += text.slice(start, index);
    // CR LF is a line break written the Windows way; a lone CR could overwrite the line.
    const crlf = allowLineBreaks && code === 0x0d && text.charCodeAt(index + 1) === 0x0a;
    if (!crlf) out += escapeCode(code);
    start = index + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}
