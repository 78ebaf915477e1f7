import { exitCodeFor } from "../../packages/cli/src/exit-code-for.js";
import { httpStatusFor } from "../../packages/sdk/src/errors/http-status-for.js";
import { ERROR_CODES, PcxError } from "../../packages/sdk/src/errors/pcx-error.js";
import { cell, table } from "./generated-section.js";
import type { TroubleshootingEntry } from "./troubleshooting-entries.js";

/** Troubleshooting by error code: an index, then per code its cause and what to do. */
export function renderTroubleshooting(
  entries: Readonly<Record<string, TroubleshootingEntry | undefined>>,
): string {
  const index = table(
    ["code", "raised by", "`pcx` exit code", "callback HTTP status"],
    ERROR_CODES.map((code) => {
      const error = new PcxError(code, code);
      return [
        `[\`${code}\`](#${code})`,
        cell(entries[code]?.from ?? ""),
        String(exitCodeFor(error)),
        String(httpStatusFor(error)),
      ];
    }),
  );
  const sections = ERROR_CODES.map((code) => {
    const entry = entries[code];
    if (!entry)
      throw new Error(
        `No troubleshooting entry for ${code}: add one to scripts/docs/troubleshooting-entries.ts`,
      );
    return [`### ${code}`, `**Cause.** ${entry.cause}`, `**What to do.** ${entry.fix}`].join(
      "\n\n",
    );
  });
  return [index, ...sections].join("\n\n");
}
