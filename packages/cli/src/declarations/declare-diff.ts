import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";
import { integrationOption } from "./option-factories.js";

export function declareDiff(program: Program, invoke: Invoke): void {
  program
    .command("diff")
    .summary("classify the changes between two definitions")
    .description(
      "Compare a definition file with another (--against), or with the published definition, and classify every change: cosmetic, needs review, or customer update required.",
    )
    .argument("[file]", "the new definition (default pcx.integration.json, .yaml or .yml)")
    .option(
      "--against <file>",
      "the definition to compare with (default: the published definition, fetched with the profile)",
    )
    .option("--exit-code", "exit 1 when customers must accept an update")
    .addOption(integrationOption())
    .action((file, options, cmd) =>
      invoke(cmd, () => import("../commands/diff.js"), {
        file,
        against: options.against,
        exitCode: options.exitCode === true,
        integration: options.integration,
      }),
    );
}
