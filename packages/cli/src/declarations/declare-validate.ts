import { Option } from "@commander-js/extra-typings";
import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";
import { DEFINITION_FILE_ARGUMENT } from "./option-factories.js";

export function declareValidate(program: Program, invoke: Invoke): void {
  program
    .command("validate")
    .summary("validate a definition file")
    .description(
      "Validate a definition file: each problem with its dot-path, line and fix. Errors exit 1; warnings do not fail.",
    )
    .argument(...DEFINITION_FILE_ARGUMENT)
    .addOption(
      new Option("--locale <locale>", "language of the technical user as customers see it")
        .choices(["en", "fi"] as const)
        .default("en" as const),
    )
    .action((file, options, cmd) =>
      invoke(cmd, () => import("../commands/validate.js"), { file, locale: options.locale }),
    );
}
