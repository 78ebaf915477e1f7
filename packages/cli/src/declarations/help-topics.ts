import { docsUrl } from "@pcx/sdk/docs";
import { ENV_VARS } from "../env-vars.js";

/** The exit codes every command keeps to; scripts branch on them. */
export const EXIT_CODE_MEANINGS = [
  [0, "ok", "success"],
  [
    1,
    "check failed",
    "the thing checked is not OK: an invalid definition, a diff needing a customer update with --exit-code, pcx link before any version is approved",
  ],
  [2, "usage", "usage error: unknown command or flag, a missing or bad value, no definition file"],
  [3, "API/network", "API or network error (after the retries)"],
  [4, "credentials/config", "missing credentials or configuration"],
] as const;

function wrap(text: string, indent: string, width = 80): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join("\n");
}

/** `pcx help <topic>` for what is not a command. Each text ends with a link to its docs section. */
export const HELP_TOPICS: Readonly<Record<string, { summary: string; text: () => string }>> = {
  environment: {
    summary: "the environment variables pcx reads",
    text: () => {
      const width = Math.max(...ENV_VARS.map((v) => v.name.length));
      return [
        "Environment variables (a flag, when given, wins over its variable):",
        "",
        ...ENV_VARS.map(
          (v) => `  ${v.name.padEnd(width)}  ${wrap(v.effect, " ".repeat(width + 4))}`,
        ),
        "",
        `Docs: ${docsUrl("cli", "environment-variables")}`,
      ].join("\n");
    },
  },
  "exit-codes": {
    summary: "what each exit code means",
    text: () =>
      [
        "Exit codes:",
        "",
        ...EXIT_CODE_MEANINGS.map(([code, , meaning]) => `  ${code}  ${wrap(meaning, "     ")}`),
        "",
        'With --json, an error is the one stdout document: { "error": { "code", "message", "hint"?, "details"? } }.',
        "Branch on the exit code and error.code, never on messages.",
        "",
        `Docs: ${docsUrl("cli", "exit-codes")}`,
      ].join("\n"),
  },
};

/** The root help's closing lines. */
export function rootHelpFooter(): string {
  return [
    "",
    `Exit codes: ${EXIT_CODE_MEANINGS.map(([code, short]) => `${code} ${short}`).join(" · ")} (pcx help exit-codes)`,
    "Environment variables: pcx help environment.",
    "A command's flags: pcx help <command> (or pcx <command> --help).",
    `Docs: ${docsUrl("cli")}`,
  ].join("\n");
}
