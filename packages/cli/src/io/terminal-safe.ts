import { sanitizeForTerminal } from "@pcx/sdk/text";

/**
 * Terminal hygiene for human output (docs/security.md "Terminal injection").
 * Text from elsewhere (server answers, definition fields, file names) may hold
 * escape sequences that retitle, clear or rewrite the terminal, or bidi
 * controls that reorder what is shown. Two layers keep them out:
 *
 * 1. `terminalSafe(data)` escapes every string in a command's result before
 *    it is rendered, so renderers paint clean text.
 * 2. `escapeForStream(text, colour)` is the last step of every write to
 *    stdout/stderr: whatever a renderer missed is escaped there. With colour
 *    on, well-formed SGR sequences (`ESC [ … m`, what chalk writes) are kept;
 *    every other escape sequence, and all of them with colour off, is escaped.
 *
 * `--json` output is not touched here: JSON escapes C0 controls itself, and
 * `writeJson` writes the others as \u escapes (see output.ts).
 */

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` with every string (object keys too) passed through
 * `sanitizeForTerminal` (line breaks and tabs kept). Arrays and plain objects
 * are copied; class instances (Date, URL, Map, errors, …) and other values are
 * returned as they are.
 */
export function terminalSafe<T>(value: T): T {
  return copy(value, new WeakMap()) as T;
}

function copy(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === "string") return sanitizeForTerminal(value);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(copy(item, seen));
    return out;
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(value));
  seen.set(value, out);
  for (const [key, item] of Object.entries(value)) {
    // defineProperty: a key named "__proto__" stays a plain key.
    Object.defineProperty(out, sanitizeForTerminal(key), {
      value: copy(item, seen),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** SGR ("select graphic rendition") sequences: colours and bold/dim/underline, as chalk writes them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ESC is the point
const SGR = /\x1b\[[0-9;]*m/g;

/**
 * `text` made safe for a terminal: see the module comment. With `keepColors`
 * (colour on for this stream) SGR sequences survive; everything else that a
 * terminal could act on is escaped visibly (`\x1b`, `\u202e`).
 */
export function escapeForStream(text: string, keepColors: boolean): string {
  if (!keepColors) return sanitizeForTerminal(text);
  let out = "";
  let start = 0;
  for (const match of text.matchAll(SGR)) {
    out += sanitizeForTerminal(text.slice(start, match.index)) + match[0];
    start = match.index + match[0].length;
  }
  return start === 0 ? sanitizeForTerminal(text) : out + sanitizeForTerminal(text.slice(start));
}
