import { PcxError } from "@pcx/sdk";
import { z } from "zod";

/**
 * What pcx keeps per profile. Secrets (`clientSecret`, `apiKey`,
 * `stateSecret`) live only in the config file (0600, in a 0700 directory) and
 * are never printed, except the state secret on explicit request
 * (`pcx profiles --show-state-secret`).
 */
export const StoredProfileSchema = z.object({
  /** API base URL saved by `pcx login --base-url`; default: the built-in profile's or production. */
  baseUrl: z.string().optional(),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  apiKey: z.string().optional(),
  /** The integration `pcx define` created, with the API base it lives at (ignored at another base). */
  integration: z.object({ id: z.number().int().positive(), baseUrl: z.string() }).optional(),
  /** HMAC key for `pcx link --state`, generated on first use (base64url of 32 random bytes). */
  stateSecret: z.string().optional(),
  /** Key id signed into states; default "k1". */
  stateKeyId: z.string().optional(),
});

export type StoredProfile = z.infer<typeof StoredProfileSchema>;

/** The fields of a profile that are secrets: pcx refuses to save them where others can read. */
export const SECRET_FIELDS = ["clientSecret", "apiKey", "stateSecret"] as const;

/**
 * The config file, parsed. Profiles are a Map, so that a profile named
 * "constructor" or "__proto__" is a plain name and never an inherited property.
 */
export interface ConfigDocument {
  defaultProfile: string | undefined;
  profiles: Map<string, StoredProfile>;
}

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  object: "an object",
};

/** The type of a value, for messages: never the value itself (it may be a secret). */
function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "text";
  return `a ${typeof value}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalid(path: string, field: string, problem: string): PcxError {
  return new PcxError(
    "pcx_config",
    `The pcx config file ${path} is not valid: ${field} ${problem}.`,
    {
      hint: `Fix ${field} in the file, or delete the file and run "pcx login" again (it writes a new one); PCX_CONFIG_DIR points pcx at another directory.`,
      details: { file: path, field },
    },
  );
}

/** A zod issue as "must be text, got a number", without quoting the value. */
function problemOf(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === "invalid_type") {
    return `must be ${EXPECTED[issue.expected] ?? issue.expected}, got ${typeOf(value)}`;
  }
  return `is not valid (${issue.message})`;
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isPlainObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key as string];
  }
  return current;
}

/**
 * Parses the config file's JSON text. Throws pcx_config (exit 4) naming the
 * file and the first broken field (`profiles.acme.clientId must be text, got
 * a number`); values are never quoted, since they may be secrets. Fields pcx
 * does not know are dropped.
 */
export function parseConfigDocument(text: string, path: string): ConfigDocument {
  let raw: unknown;
  try {
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PcxError("pcx_config", `The pcx config file ${path} is not valid JSON: ${reason}`, {
      hint: `Fix the file, or delete it and run "pcx login" again (it writes a new one); PCX_CONFIG_DIR points pcx at another directory.`,
      details: { file: path },
      cause: error,
    });
  }
  if (!isPlainObject(raw)) throw invalid(path, "the file", `must be an object, got ${typeOf(raw)}`);
  const { defaultProfile, profiles } = raw;
  if (defaultProfile !== undefined && typeof defaultProfile !== "string") {
    throw invalid(path, "defaultProfile", `must be text, got ${typeOf(defaultProfile)}`);
  }
  if (profiles !== undefined && !isPlainObject(profiles)) {
    throw invalid(path, "profiles", `must be an object, got ${typeOf(profiles)}`);
  }
  const document: ConfigDocument = { defaultProfile, profiles: new Map() };
  // Object.keys lists a JSON "__proto__" key as the own key it is.
  for (const name of Object.keys(profiles ?? {})) {
    const value = profiles![name];
    const parsed = StoredProfileSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = ["profiles", name, ...issue.path].map(String).join(".");
      throw invalid(path, field, problemOf(issue, at(value, issue.path)));
    }
    document.profiles.set(name, parsed.data);
  }
  return document;
}

/** The file's JSON text (tab-indented, as earlier pcx versions wrote it). */
export function serializeConfigDocument(document: ConfigDocument): string {
  const profiles: Record<string, StoredProfile> = {};
  for (const [name, profile] of document.profiles) {
    // defineProperty: a profile named "__proto__" is written as a plain key.
    Object.defineProperty(profiles, name, { value: profile, enumerable: true });
  }
  const out = {
    ...(document.defaultProfile !== undefined ? { defaultProfile: document.defaultProfile } : {}),
    profiles,
  };
  return `${JSON.stringify(out, null, "\t")}\n`;
}

/** Whether any profile holds a secret. */
export function holdsSecrets(document: ConfigDocument): boolean {
  for (const profile of document.profiles.values()) {
    if (SECRET_FIELDS.some((field) => profile[field])) return true;
  }
  return false;
}
