import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";
import { integrationOption, limitValue } from "./option-factories.js";

/** The one-owner rule, as `pcx limits --help` and `pcx help limits` state it. */
export const LIMIT_OWNER_HELP = `
Who owns the limit:
  When the definition file declares maxConcurrentActivations, the file owns the
  limit: pcx define puts the file's value in force (its plan shows the live
  value against the file's), also over a value set since with pcx limits set.
  pcx limits set then warns that the next define puts the file's value back;
  to manage the limit with pcx limits set alone, remove maxConcurrentActivations
  from the file (and define once). When the file does not declare it, pcx define
  never touches the limit.`;

export function declareLimits(program: Program, invoke: Invoke): void {
  const limits = program
    .command("limits")
    .summary("show or set the concurrent-activation limit")
    .description(
      "The concurrent-activation limit: how many environments a customer may activate at once. Applies at once, without review.",
    )
    .addHelpText("after", LIMIT_OWNER_HELP);
  limits
    .command("show")
    .description("show the limit, and the definition's value when it declares one")
    .addOption(integrationOption())
    .action((options, cmd) =>
      invoke(cmd, () => import("../commands/limits.js"), {
        action: "show",
        integration: options.integration,
      }),
    );
  limits
    .command("set")
    .description("set the limit (a whole number from 1, or none)")
    .argument("<n>", 'environments at once, e.g. 20; "none" removes the limit', limitValue)
    .addOption(integrationOption())
    .addHelpText("after", LIMIT_OWNER_HELP)
    .action((value, options, cmd) =>
      invoke(cmd, () => import("../commands/limits.js"), {
        action: "set",
        value,
        integration: options.integration,
      }),
    );
}
