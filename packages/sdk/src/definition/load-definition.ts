import { readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { PcxError } from "../errors/index.js";
import type { ValidationResult } from "./definition-issue.js";
import { MAX_DEFINITION_LENGTH, tooLongIssue } from "./definition-size.js";
import type { IntegrationDefinition } from "./integration-definition-schema.js";
import { type DefinitionFormat, parseDefinitionText } from "./parse-definition-text.js";

/** The file names `findDefinitionFile` tries, in order. */
export const DEFINITION_FILE_NAMES = [
  "pcx.integration.json",
  "pcx.integration.yaml",
  "pcx.integration.yml",
] as const;

/** Options of `loadDefinition`. */
export interface LoadDefinitionOptions {
  /** Directory that relative paths and the default file are resolved against. Default: `process.cwd()`. */
  cwd?: string;
}

/** What `loadDefinition` returns: the validation result plus where it came from. */
export type LoadedDefinition = ValidationResult<IntegrationDefinition> & {
  /** Absolute path of the file that was read. */
  file: string;
  /** The format it was parsed as. */
  format: DefinitionFormat;
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The first of `pcx.integration.json`, `pcx.integration.yaml`,
 * `pcx.integration.yml` that exists in `cwd` (absolute path), or undefined.
 */
export async function findDefinitionFile(cwd: string = process.cwd()): Promise<string | undefined> {
  for (const name of DEFINITION_FILE_NAMES) {
    const candidate = resolve(cwd, name);
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

/** `.json` → json; `.yaml`/`.yml` → yaml; anything else: json when it starts with `{`, else yaml. */
function formatOf(file: string, text: string): DefinitionFormat {
  const ext = extname(file).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".yaml" || ext === ".yml") return "yaml";
  return text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("{")
    ? "json"
    : "yaml";
}

function notFound(tried: readonly string[]): PcxError {
  return new PcxError(
    "pcx_definition_not_found",
    `No integration definition found; tried ${tried.join(", ")}.`,
    {
      hint: "Run `pcx init` to create pcx.integration.yaml, or pass the path of your definition file.",
      details: { tried },
    },
  );
}

/**
 * Reads and validates a definition file. `file` is resolved against `cwd`;
 * a directory means "the default file in that directory"; without `file`,
 * the first of DEFINITION_FILE_NAMES in `cwd` is used.
 *
 * Problems in the file are returned as issues with line and column (see
 * `parseDefinitionText`), never thrown. Throws PcxError
 * `pcx_definition_not_found` when there is no such file (the message names the
 * paths tried and suggests `pcx init`), and `pcx_usage` when it cannot be read.
 */
export async function loadDefinition(
  file?: string,
  options: LoadDefinitionOptions = {},
): Promise<LoadedDefinition> {
  const cwd = resolve(options.cwd ?? process.cwd());
  let path: string | undefined;
  if (file === undefined) {
    path = await findDefinitionFile(cwd);
    if (!path) throw notFound(DEFINITION_FILE_NAMES.map((name) => join(cwd, name)));
  } else {
    const target = resolve(cwd, file);
    const info = await stat(target).catch(() => undefined);
    if (info?.isDirectory()) {
      path = await findDefinitionFile(target);
      if (!path) throw notFound(DEFINITION_FILE_NAMES.map((name) => join(target, name)));
    } else if (info) path = target;
    else throw notFound([target]);
  }
  const name = basename(path);
  // UTF-8 takes at most 3 bytes per UTF-16 unit: a larger file is too long without reading it.
  const bytes = (await stat(path).catch(() => undefined))?.size ?? 0;
  if (bytes > 3 * MAX_DEFINITION_LENGTH) {
    const errors = [tooLongIssue(name, bytes, "bytes")];
    return { value: undefined, errors, warnings: [], file: path, format: formatOf(path, "") };
  }
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new PcxError("pcx_usage", `Could not read ${path}.`, {
      cause,
      hint: "Check that the file is readable.",
    });
  }
  const format = formatOf(path, text);
  return { ...parseDefinitionText(text, { format, file: name }), file: path, format };
}
