import { PcxError } from "../errors/pcx-error.js";

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Parses a duration such as "30s", "30m", "12h", "7d", "2w" or a combination
 * ("1h30m") into milliseconds. Throws `pcx_usage` on anything else (it parses
 * flags and options, where a typo should stop the command).
 */
export function parseDuration(text: string): number {
  const input = typeof text === "string" ? text.trim().toLowerCase() : "";
  const part = /(\d+)(ms|s|m|h|d|w)/y;
  let total = 0;
  let index = 0;
  while (input.length > 0 && index < input.length) {
    part.lastIndex = index;
    const match = part.exec(input);
    if (!match) break;
    total += Number(match[1]) * (UNIT_MS[match[2] as string] as number);
    index = part.lastIndex;
  }
  if (input.length === 0 || index !== input.length || !Number.isSafeInteger(total)) {
    throw new PcxError("pcx_usage", `Not a duration: "${String(text)}"`, {
      hint: 'Use a number with a unit: ms, s, m, h, d or w, e.g. "30m", "12h", "7d" or "1h30m".',
    });
  }
  return total;
}
