import { Option } from "@commander-js/extra-typings";
import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";
import { collect, positiveInteger } from "./option-factories.js";

export function declareInit(program: Program, invoke: Invoke): void {
  program
    .command("init")
    .summary("write a new definition file")
    .description(
      "Write a new integration definition file. Asks for what the flags do not give, only when stdin and stdout are terminals; otherwise every missing required flag is a usage error.",
    )
    .option(
      "--file <path>",
      "file to write (default pcx.integration.yaml, or .json with --format json)",
    )
    .addOption(new Option("--format <format>", "file format").choices(["yaml", "json"] as const))
    .option("--name <text>", "integration name shown to customers")
    .option("--description <text>", "one-sentence description shown to customers")
    .option("--callback-url <url>", "where Procountor sends the customer after the rights review")
    .option("--privacy-url <url>", "privacy policy URL")
    .option("--terms-url <url>", "terms of service URL")
    .option("--support-url <url>", "support page URL")
    .option("--logo-url <url>", "logo URL (optional)")
    .option("--username <name>", "technical user's username (lowercase, 3-40 characters)")
    .option("--display-name <text>", "technical user's display name (optional)")
    .option(
      "--right <key:level:purpose>",
      "a right of the technical user, e.g. sales-invoices:all:'Creates sales invoices.' (repeatable)",
      collect,
      [] as string[],
    )
    .addOption(
      new Option("--billing <target>", "who is billed the API fee").choices([
        "environment",
        "accounting-firm",
      ] as const),
    )
    .option(
      "--max-activations <n>",
      "cap on environments activated at once (optional; the file then owns the limit, see pcx help limits)",
      positiveInteger,
    )
    .option("--force", "overwrite an existing file")
    .action((options, cmd) => invoke(cmd, () => import("../commands/init.js"), options));
}
