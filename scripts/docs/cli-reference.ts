import {
  EXIT_CODE_MEANINGS,
  HELP_TOPICS,
} from "../../packages/cli/src/declarations/help-topics.js";
import { cell, code, table } from "./generated-section.js";

/** The bits of a commander option the reference reads. */
interface Option {
  readonly flags: string;
  readonly description: string;
  readonly defaultValue?: unknown;
  readonly defaultValueDescription?: string;
  readonly argChoices?: string[];
  readonly hidden: boolean;
  readonly negate: boolean;
}

/** The bits of a commander argument the reference reads. */
interface ArgumentNode {
  readonly description: string;
  readonly required: boolean;
  readonly variadic: boolean;
  readonly defaultValue?: unknown;
  readonly argChoices?: string[];
  name(): string;
}

interface OutputConfiguration {
  writeOut?(text: string): void;
  getOutHelpWidth?(): number;
  getOutHasColors?(): boolean;
}

/** The bits of a commander command the reference reads (see declaredProgram in @pcx/cli). */
export interface CommandNode {
  readonly commands: readonly CommandNode[];
  readonly options: readonly Option[];
  readonly registeredArguments: readonly ArgumentNode[];
  readonly parent: CommandNode | null;
  name(): string;
  summary(): string;
  description(): string;
  configureOutput(configuration: OutputConfiguration): unknown;
  configureOutput(): OutputConfiguration;
  outputHelp(): void;
}

/** What `pcx … --help` prints, 80 columns wide and without colour. */
function helpText(command: CommandNode): string {
  let text = "";
  const saved = command.configureOutput();
  command.configureOutput({
    writeOut: (chunk) => {
      text += chunk;
    },
    getOutHelpWidth: () => 80,
    getOutHasColors: () => false,
  });
  try {
    command.outputHelp();
  } finally {
    command.configureOutput(saved);
  }
  return text.trimEnd();
}

function path(command: CommandNode): string {
  const names: string[] = [];
  for (let c: CommandNode | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

function defaultOf(option: Option): string {
  if (option.defaultValueDescription) return option.defaultValueDescription;
  if (option.defaultValue === undefined || option.negate) return "";
  return code(JSON.stringify(option.defaultValue));
}

function optionsTable(options: readonly Option[]): string {
  const visible = options.filter((o) => !o.hidden);
  if (visible.length === 0) return "";
  return table(
    ["flag", "description", "default", "values"],
    visible.map((o) => [
      code(o.flags),
      cell(o.description),
      defaultOf(o),
      (o.argChoices ?? []).map(code).join(", "),
    ]),
  );
}

function argumentsTable(command: CommandNode): string {
  const args = command.registeredArguments;
  if (args.length === 0) return "";
  return table(
    ["argument", "required", "description", "default", "values"],
    args.map((a) => [
      code(`${a.name()}${a.variadic ? "…" : ""}`),
      a.required ? "yes" : "no",
      cell(a.description),
      a.defaultValue === undefined ? "" : code(JSON.stringify(a.defaultValue)),
      (a.argChoices ?? []).map(code).join(", "),
    ]),
  );
}

function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .replaceAll(" ", "-");
}

function commandSection(command: CommandNode): string[] {
  const title = path(command);
  const description = command.description() || command.summary();
  const parts = [
    `### \`${title}\``,
    description.replace(/\s+/g, " ").trim(),
    argumentsTable(command) && `Arguments:\n\n${argumentsTable(command)}`,
    optionsTable(command.options) && `Flags:\n\n${optionsTable(command.options)}`,
    command.commands.length > 0 &&
      `Subcommands: ${command.commands.map((c) => `[\`${path(c)}\`](#${anchor(path(c))})`).join(", ")}.`,
    `\`${title} --help\`:\n\n\`\`\`text\n${helpText(command)}\n\`\`\``,
  ];
  return [
    parts.filter((p): p is string => typeof p === "string" && p !== "").join("\n\n"),
    ...command.commands.flatMap((c) => commandSection(c)),
  ];
}

/** The CLI reference: every command with its arguments, flags and help, the global flags, exit codes and help topics. */
export function renderCliReference(program: CommandNode): string {
  const commands = program.commands;
  return [
    "## Commands",
    table(
      ["command", "what it does"],
      commands.map((c) => [
        `[\`${path(c)}\`](#${anchor(path(c))})`,
        cell(c.summary() || c.description()),
      ]),
    ),
    "## Global flags",
    "Every command takes these, before or after the command's name.",
    optionsTable(program.options),
    "## Exit codes",
    table(
      ["code", "name", "meaning"],
      EXIT_CODE_MEANINGS.map(([n, name, meaning]) => [String(n), name, cell(meaning)]),
    ),
    "Which error code gives which exit code: [troubleshooting](troubleshooting.md).",
    "## Help topics",
    table(
      ["`pcx help …`", "what it explains"],
      Object.entries(HELP_TOPICS).map(([name, topic]) => [code(name), cell(topic.summary)]),
    ),
    "## Every command",
    ...commands.flatMap((c) => commandSection(c)),
    `### \`pcx --help\`\n\n\`\`\`text\n${helpText(program)}\n\`\`\``,
  ].join("\n\n");
}
