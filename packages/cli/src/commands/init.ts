import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, extname, join, parse, relative, resolve, sep } from "node:path";
import {
  DEFAULT_SCHEMA_REF,
  type DefinitionIssue,
  type IntegrationDefinition,
  PcxError,
  RIGHTS_CATALOGUE,
  SCHEMA_URL,
  serializeDefinition,
  validateDefinition,
} from "@pcx/sdk";
import { defineCommand } from "../command.js";
import type { CliContext } from "../context.js";
import { askConfirm, askSelect, askText } from "../io/prompts.js";
import { displayPath } from "../render/display-path.js";
import { formatIssue } from "../render/issues.js";

/** Flags of `pcx init`; every question has one. */
export interface InitInput {
  file?: string;
  format?: "yaml" | "json";
  name?: string;
  description?: string;
  callbackUrl?: string;
  privacyUrl?: string;
  termsUrl?: string;
  supportUrl?: string;
  logoUrl?: string;
  username?: string;
  displayName?: string;
  /** `--right key:level:purpose`, repeatable. */
  right?: string[];
  billing?: "environment" | "accounting-firm";
  maxActivations?: number;
  force?: boolean;
}

export interface InitResult {
  file: string;
  format: "yaml" | "json";
  definition: IntegrationDefinition;
  warnings: DefinitionIssue[];
  /** Other definition files in the directory that `pcx validate` might pick first. */
  shadowedBy?: string;
}

type Right = { right: string; level: "view" | "all"; purpose: string };

/** DEFAULT_SCHEMA_REF (`./node_modules/@pcx/sdk/schema/…`) without the `./`, to look for from the file's directory up. */
const SCHEMA_PATH = DEFAULT_SCHEMA_REF.replace(/^\.\//, "");
const DISCOVERY_ORDER = ["pcx.integration.json", "pcx.integration.yaml", "pcx.integration.yml"];

/** Text fields: flag, where it goes in the file, and the question asked on a TTY. */
const FIELDS = [
  { key: "name", flag: "--name", path: "name", question: "Integration name (shown to customers)" },
  {
    key: "description",
    flag: "--description",
    path: "description",
    question: "One-sentence description",
  },
  {
    key: "callbackUrl",
    flag: "--callback-url",
    path: "callbackUrl",
    question: "Callback URL (customers land here after reviewing the rights)",
  },
  {
    key: "privacyUrl",
    flag: "--privacy-url",
    path: "links.privacyPolicy",
    question: "Privacy policy URL",
  },
  {
    key: "termsUrl",
    flag: "--terms-url",
    path: "links.termsOfService",
    question: "Terms of service URL",
  },
  { key: "supportUrl", flag: "--support-url", path: "links.support", question: "Support URL" },
  {
    key: "username",
    flag: "--username",
    path: "technicalUser.username",
    question: "Technical user's username",
  },
] as const satisfies readonly {
  key: keyof InitInput;
  flag: string;
  path: string;
  question: string;
}[];

/** Dot-path in the file → the flag that sets it, to name the flag in errors. */
const FLAG_FOR_PATH: [RegExp, string][] = [
  ...FIELDS.map(({ path, flag }): [RegExp, string] => [new RegExp(`^${path}$`), flag]),
  [/^technicalUser\.rights/, "--right"],
  [/^technicalUser\.displayName$/, "--display-name"],
  [/^logoUrl$/, "--logo-url"],
  [/^maxConcurrentActivations$/, "--max-activations"],
  [/^billing$/, "--billing"],
];

/** `key:level:purpose`; the purpose may itself contain colons. */
export function parseRight(value: string): Right {
  const match = /^\s*([^:\s]+)\s*:\s*([^:\s]+)\s*:(.+)$/s.exec(value);
  const level = match?.[2];
  if (!match || (level !== "view" && level !== "all")) {
    throw new PcxError("pcx_usage", `--right "${value}" is not key:level:purpose.`, {
      hint: 'Use e.g. --right "sales-invoices:all:Creates sales invoices from shop orders." (level is view or all).',
    });
  }
  return { right: match[1]!, level, purpose: match[3]!.trim() };
}

function resolveTarget(input: InitInput, cwd: string): { path: string; format: "yaml" | "json" } {
  const ext = input.file ? extname(input.file).toLowerCase() : "";
  const fromExt = ext === ".json" ? "json" : ext === ".yaml" || ext === ".yml" ? "yaml" : undefined;
  if (input.file && !fromExt && !input.format) {
    throw new PcxError("pcx_usage", `Cannot tell the format of ${input.file}.`, {
      hint: "Name the file .yaml, .yml or .json, or pass --format yaml|json.",
    });
  }
  if (input.format && fromExt && input.format !== fromExt) {
    throw new PcxError("pcx_usage", `--format ${input.format} does not match ${input.file}.`, {
      hint: "Drop --format or change the file extension.",
    });
  }
  const format = input.format ?? fromExt ?? "yaml";
  const file = input.file ?? (format === "json" ? "pcx.integration.json" : "pcx.integration.yaml");
  return { path: resolve(cwd, file), format };
}

/**
 * The `$schema` to write: the path, relative to the file, of the schema in
 * the nearest node_modules above the file that has it (`npm i -D @pcx/cli`
 * installs @pcx/sdk beside it), so editors work offline; else the published
 * SCHEMA_URL (pnpm installs, `npx pcx`, no install at all). Either resolves.
 */
function schemaRef(file: string): string {
  const { root } = parse(file);
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const candidate = join(dir, SCHEMA_PATH);
    if (existsSync(candidate)) {
      const rel = relative(dirname(file), candidate).split(sep).join("/");
      return rel.startsWith(".") ? rel : `./${rel}`;
    }
    if (dir === root) return SCHEMA_URL;
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/** A valid definition to test one answer against, so prompts reject bad answers early. */
const PROBE: IntegrationDefinition = {
  name: "Probe",
  description: "A definition used to check one answer.",
  links: {
    privacyPolicy: "https://example.com/privacy",
    termsOfService: "https://example.com/terms",
    support: "https://example.com/support",
  },
  callbackUrl: "https://example.com/callback",
  billing: "environment",
  technicalUser: {
    username: "probe",
    rights: [{ right: "sales-invoices", level: "view", purpose: "Checks a single answer." }],
  },
};

/** `["technicalUser", "rights", 0, "level"]` → `technicalUser.rights[0].level`, as the SDK writes issue paths. */
function issuePath(segments: readonly (string | number)[]): string {
  return segments
    .map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join("");
}

/** Checks one answer with the SDK's own rules: put it into a valid probe definition and validate. */
function checkField(segments: readonly (string | number)[], value: unknown): true | string {
  const probe = structuredClone(PROBE) as unknown as Record<string | number, unknown>;
  let target = probe;
  for (const key of segments.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[segments.at(-1)!] = value;
  const path = issuePath(segments);
  const issue = validateDefinition(probe).errors.find((e) => String(e.path).startsWith(path));
  return issue ? issue.message : true;
}

const OTHER_RIGHT = "(other)";

async function askRights(): Promise<Right[]> {
  const rights: Right[] = [];
  do {
    const taken = new Set(rights.map((r) => r.right));
    const choices = RIGHTS_CATALOGUE.filter((info) => !taken.has(info.key)).map((info) => ({
      value: info.key,
      name: `${info.label.en} (${info.key})${info.risk === "high" ? " [high risk]" : ""}`,
    }));
    let right = await askSelect("Right of the technical user", [
      ...choices,
      { value: OTHER_RIGHT, name: "Other: type its key" },
    ]);
    if (right === OTHER_RIGHT) {
      right = await askText({
        message: "Right key (kebab-case)",
        validate: (v) => checkField(["technicalUser", "rights", 0, "right"], v),
      });
    }
    const info = RIGHTS_CATALOGUE.find((r) => r.key === right);
    const level = await askSelect<"view" | "all">(
      "Level",
      (["view", "all"] as const).map((value) => ({
        value,
        name: info ? `${value}: ${info.levels[value].en}` : value,
      })),
      "view",
    );
    const purpose = await askText({
      message: "Why does the integration need it? (shown to customers)",
      validate: (v) => checkField(["technicalUser", "rights", 0, "purpose"], v),
    });
    rights.push({ right, level, purpose });
  } while (await askConfirm("Add another right?", false));
  return rights;
}

/** Fills what flags did not give: by asking on a TTY, else a usage error listing the flags. */
async function collectAnswers(input: InitInput, ctx: CliContext) {
  const values: Record<string, string | undefined> = {};
  for (const field of FIELDS) values[field.key] = input[field.key];
  let rights = (input.right ?? []).map(parseRight);
  const missing: string[] = FIELDS.filter((f) => !values[f.key]).map((f) => f.flag);
  if (rights.length === 0) missing.push("--right");
  if (missing.length === 0) return { values, rights, maxActivations: input.maxActivations };

  if (!ctx.interactive) {
    throw new PcxError("pcx_usage", `Missing ${missing.join(", ")}.`, {
      hint: "pcx init asks for missing values only when stdin and stdout are terminals; in scripts and CI pass every flag (see pcx init --help).",
      details: { missing },
    });
  }
  for (const field of FIELDS) {
    if (values[field.key]) continue;
    values[field.key] = await askText({
      message: field.question,
      default: field.key === "username" && values.name ? slug(values.name) || undefined : undefined,
      validate: (v) => checkField(field.path.split("."), v),
    });
  }
  if (rights.length === 0) rights = await askRights();
  let maxActivations = input.maxActivations;
  if (maxActivations === undefined) {
    const answer = await askText({
      message: "Cap on environments activated at once (empty for none)",
      required: false,
      validate: (v) =>
        v === "" || /^\d+$/.test(v)
          ? checkField(["maxConcurrentActivations"], Number(v) || 0)
          : "use a whole number",
    });
    if (answer !== "") maxActivations = Number(answer);
  }
  return { values, rights, maxActivations };
}

/** `pcx init`: writes a new definition file, validated by the SDK first. */
export default defineCommand<InitInput, InitResult>({
  async run(input, ctx) {
    const target = resolveTarget(input, ctx.cwd);
    const shown = displayPath(target.path, ctx.cwd);
    // Refuse before asking anything: answers to a prompt that cannot be saved are wasted.
    if (existsSync(target.path) && !input.force) {
      throw new PcxError("pcx_usage", `${shown} already exists.`, {
        hint: "Pass --force to overwrite it, or --file to write elsewhere.",
      });
    }
    const { values, rights, maxActivations } = await collectAnswers(input, ctx);
    const draft = {
      $schema: schemaRef(target.path),
      name: values.name,
      description: values.description,
      ...(input.logoUrl ? { logoUrl: input.logoUrl } : {}),
      links: {
        privacyPolicy: values.privacyUrl,
        termsOfService: values.termsUrl,
        support: values.supportUrl,
      },
      callbackUrl: values.callbackUrl,
      billing: input.billing ?? "environment",
      ...(maxActivations !== undefined ? { maxConcurrentActivations: maxActivations } : {}),
      technicalUser: {
        username: values.username,
        ...(input.displayName ? { displayName: input.displayName } : {}),
        rights,
      },
    };
    const checked = validateDefinition(draft);
    if (checked.errors.length > 0 || !checked.value) {
      const problems = checked.errors.map((issue) => {
        const flag = FLAG_FOR_PATH.find(([re]) => re.test(String(issue.path)))?.[1];
        return `${flag ?? issue.path}: ${issue.message}`;
      });
      throw new PcxError(
        "pcx_usage",
        `Not written; fix these values:\n  ${problems.join("\n  ")}`,
        {
          hint: "Correct the flags (or answers) and run pcx init again.",
          details: { errors: checked.errors },
        },
      );
    }
    await mkdir(dirname(target.path), { recursive: true });
    // "wx" makes the existence check race-free when not forcing.
    await writeFile(target.path, serializeDefinition(checked.value, target.format), {
      flag: input.force ? "w" : "wx",
    });
    // `pcx validate` without FILE reads the first of DISCOVERY_ORDER that exists.
    const first = DISCOVERY_ORDER.map((name) => join(ctx.cwd, name)).find((p) => existsSync(p));
    const shadowed =
      first !== undefined &&
      first !== target.path &&
      DISCOVERY_ORDER.some((n) => join(ctx.cwd, n) === target.path);
    return {
      file: shown,
      format: target.format,
      definition: checked.value,
      warnings: checked.warnings,
      ...(shadowed ? { shadowedBy: displayPath(first, ctx.cwd) } : {}),
    };
  },

  async render(result, ctx) {
    const paint = await ctx.out.paint();
    const lines = [`${paint.green("✔")} Wrote ${result.file}`];
    for (const issue of result.warnings) lines.push(formatIssue(result.file, issue, paint));
    if (result.shadowedBy) {
      lines.push(
        `${paint.yellow("note:")} ${result.shadowedBy} is also here; "pcx validate" without a FILE reads ${result.shadowedBy}.`,
      );
    }
    lines.push("", `Next: pcx validate ${result.file}`);
    return lines.join("\n");
  },
});
