import { InvalidArgumentError, Option } from "@commander-js/extra-typings";

/**
 * Parsers and option factories shared by the command declarations. A
 * factory returns a new `Option` each time (commander options belong to one
 * command), typed so that the action's `options` need no casts.
 */

/** For repeatable options: `--right a --right b` → `["a", "b"]`. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A whole number of at least 1. */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError("use a whole number of at least 1, e.g. 20.");
  }
  return n;
}

/** The largest concurrent-activation limit the contract accepts. */
export const MAX_LIMIT = 10_000;

/** `pcx limits set N|none`: a whole number from 1 to MAX_LIMIT, or null for "none". */
export function limitValue(value: string): number | null {
  if (value.toLowerCase() === "none") return null;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new InvalidArgumentError(
      `use a whole number from 1 to ${MAX_LIMIT} (e.g. 20), or "none" for no limit.`,
    );
  }
  return n;
}

/** Any finite number (range checks are the command's, with a message naming the flag). */
export function finiteNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new InvalidArgumentError("not a number.");
  return n;
}

/** `--integration ID`, for every command that acts on one integration. */
export function integrationOption() {
  return new Option(
    "--integration <id>",
    "the integration to act on (else PCX_INTEGRATION_ID, else the one pcx define saved in the profile)",
  ).argParser(positiveInteger);
}

/** `[file]`: the definition file, found in the working directory when not given. */
export const DEFINITION_FILE_ARGUMENT = [
  "[file]",
  "definition file (default pcx.integration.json, .yaml or .yml)",
] as const;
