import type { z } from "zod";
import {
  describeCharacter,
  findUnsafeCharacter,
  isBidiControl,
} from "../text/unsafe-characters.js";

/**
 * A zod refinement for the definition's text fields: no control characters
 * (ESC, NUL, CR, DEL, C1, …) and no bidirectional-text controls. Customers,
 * reviewers and terminals see these fields; an escape sequence in a name could
 * retitle or clear a terminal, and a right-to-left override makes text display
 * in another order than it is stored ("Trojan Source"). Multi-line fields
 * (descriptions, purposes) may hold line breaks and tabs; one-line fields
 * (names, URLs) may not. Issue code: `unsafe_character`.
 */
export function rejectUnsafeCharacters(lines: "one-line" | "multi-line") {
  return (value: string, ctx: z.RefinementCtx<string>): void => {
    const found = findUnsafeCharacter(value, { allowLineBreaks: lines === "multi-line" });
    if (!found) return;
    const at = `at character ${found.index + 1}`;
    const what = describeCharacter(found.code);
    let message: string;
    if (found.code === 0x0a || found.code === 0x09) {
      message = `contains a ${found.code === 0x0a ? "line break (U+000A)" : "tab (U+0009)"} ${at}; keep this field on one line`;
    } else if (isBidiControl(found.code)) {
      message = `contains the invisible bidirectional-text control ${what} ${at}; remove it: it makes the text display in another order than it is written`;
    } else {
      message = `contains the control character ${what} ${at}; remove it: control characters can change what a terminal or page shows${found.code === 0x0d ? " (write line breaks as \\n)" : ""}`;
    }
    ctx.addIssue({ code: "custom", message, params: { code: "unsafe_character" } });
  };
}
