import { InvalidArgumentError } from "@commander-js/extra-typings";

/* The parsers of pcx requests' flags: a bad value is a usage error (exit 2) naming the flag. */

/** `--env ID` (repeatable, or comma-separated): company ids, each a whole number from 1. */
export function companyIds(value: string, previous: number[]): number[] {
  const parts = value.split(",").map((part) => part.trim());
  return [
    ...previous,
    ...parts.map((part) => {
      if (!/^\d{1,15}$/.test(part) || Number(part) < 1) {
        throw new InvalidArgumentError(
          "use company ids (whole numbers), e.g. --env 1001 --env 1004.",
        );
      }
      return Number(part);
    }),
  ];
}

/** `--reason TEXT`: 1–500 characters of printable text (the customer reads it). */
export function reasonText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(value)) {
    throw new InvalidArgumentError(
      "the reason must be printable text on one line (no control characters).",
    );
  }
  const text = value.trim();
  if (text.length < 1 || text.length > 500) {
    throw new InvalidArgumentError("give the customer a reason of 1 to 500 characters.");
  }
  return text;
}

/** `--interval SECONDS` of `requests watch`: 1 to 3600. */
export function intervalSeconds(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || n < 1 || n > 3600) {
    throw new InvalidArgumentError("use seconds from 1 to 3600, e.g. 10.");
  }
  return n;
}
