import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";
import { DEFINITION_FILE_ARGUMENT, integrationOption } from "./option-factories.js";

export function declareDefine(program: Program, invoke: Invoke): void {
  program
    .command("define")
    .summary("publish the definition: plan, confirm, submit for review")
    .description(
      "Publish (create or update) the integration definition: validate the file, show the plan with every change classified against the published version, ask (unless --yes), submit, and show the review state. Without a terminal, --yes is required. When the file declares maxConcurrentActivations, define also puts that limit in force (see pcx help limits).",
    )
    .argument(...DEFINITION_FILE_ARGUMENT)
    .option("--dry-run", "show the plan and stop; nothing is submitted")
    .addOption(integrationOption())
    .option("--new", "create a new integration even when one is known or has the same name")
    .action((file, options, cmd) =>
      invoke(cmd, () => import("../commands/define.js"), {
        file,
        dryRun: options.dryRun === true,
        integration: options.integration,
        createNew: options.new === true,
      }),
    );
}
