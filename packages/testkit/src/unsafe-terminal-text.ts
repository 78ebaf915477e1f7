/**
 * An independent oracle for terminal-injection tests: any character a
 * terminal could act on (C0 controls except \n and \t, DEL, C1 controls,
 * bidirectional-text controls). Written out here rather than imported from
 * the SDK so that a bug in the SDK's own list cannot hide itself.
 */
export const UNSAFE_TERMINAL_TEXT = new RegExp(
  [
    "[",
    "\\u0000-\\u0008\\u000b-\\u001f", // C0 but TAB and LF
    "\\u007f-\\u009f", // DEL and C1
    "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069", // bidi controls
    "]",
  ].join(""),
);
