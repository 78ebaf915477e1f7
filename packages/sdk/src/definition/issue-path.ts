import { findUnsafeCharacter, isUnsafeCharacter } from "../text/unsafe-characters.js";

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

const PLAIN_KEY = /^[^.[\]"\s]+$/;

/**
 * A key as a JSON string literal in which every unsafe character is a \u
 * escape (JSON.stringify escapes only C0), so a path is safe to print and
 * `parsePath` still reads back the exact key.
 */
function quoteKey(key: string): string {
  return JSON.stringify(key).replace(/[^\u0020-\u007e]/g, (c) => {
    const code = c.charCodeAt(0);
    return isUnsafeCharacter(code, { allowLineBreaks: false })
      ? `\\u${code.toString(16).padStart(4, "0")}`
      : c;
  });
}

/**
 * Formats path segments as the dot-path used in issues:
 * `["technicalUser", "rights", 1, "level"]` → `technicalUser.rights[1].level`.
 * Keys that would be ambiguous (dots, brackets, spaces, empty) or hold control or bidi
 * characters are written as `["a key"]`, those characters as \u escapes.
 */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      if (PLAIN_KEY.test(key) && !findUnsafeCharacter(key)) out += out === "" ? key : `.${key}`;
      else out += `[${quoteKey(key)}]`;
    }
  }
  return out;
}

/** The inverse of `formatPath`: `a.b[2]["c d"]` → `["a", "b", 2, "c d"]`. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string);
    else if (match[3] !== undefined) segments.push(match[3]);
  }
  return segments;
}
