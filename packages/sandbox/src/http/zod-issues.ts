import type { ApiErrorItem } from "@pcx/sdk/contract";
import type { z } from "zod";

/** `definition.technicalUser.rights[0].level` (docs/contract.md "Errors"). */
export function dotPath(path: readonly PropertyKey[], prefix?: string): string | null {
  let out = prefix ?? "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? null : out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** Zod issues → Procountor error items: a dot-path, the message, REQUIRED or INVALID. */
export function issuesToErrors(error: z.ZodError, data: unknown, prefix?: string): ApiErrorItem[] {
  return error.issues.map((issue) => {
    const missing = issue.code === "invalid_type" && valueAt(data, issue.path) === undefined;
    return {
      field: dotPath(issue.path, prefix),
      message: missing ? "is required" : issue.message,
      code: missing ? "REQUIRED" : "INVALID",
    };
  });
}
