import { API_ERROR_CODES, type ApiErrorCode } from "@pcx/sdk/contract";
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

/** One error item of the sandbox's answers. */
export interface SandboxErrorItem {
  field: string | null;
  message: string;
  code: ApiErrorCode;
}

/**
 * Zod issues → Procountor error items: a dot-path, the message, and REQUIRED,
 * INVALID or UNKNOWN_FIELD. An unknown key gets an item of its own whose
 * field names the key (`environments` misspelt as `enviroments` answers
 * `field: "enviroments"`), so nothing unknown is ever dropped silently.
 */
export function issuesToErrors(
  error: z.ZodError,
  data: unknown,
  prefix?: string,
): SandboxErrorItem[] {
  return error.issues.flatMap((issue): SandboxErrorItem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: dotPath([...issue.path, key], prefix),
        message: issue.message,
        code: API_ERROR_CODES.UNKNOWN_FIELD,
      }));
    }
    const missing = issue.code === "invalid_type" && valueAt(data, issue.path) === undefined;
    return [
      {
        field: dotPath(issue.path, prefix),
        message: missing ? "is required" : issue.message,
        code: missing ? API_ERROR_CODES.REQUIRED : API_ERROR_CODES.INVALID,
      },
    ];
  });
}
