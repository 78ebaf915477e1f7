import type { Program } from "./create-program.js";
import { declareListByStatus } from "./declare-list-by-status.js";
import type { Invoke } from "./invoker.js";
import { integrationOption, positiveInteger } from "./option-factories.js";

const STATUS = {
  active: "ACTIVE",
  "update-required": "UPDATE_REQUIRED",
  removed: "REMOVED",
} as const;

export function declareActivations(program: Program, invoke: Invoke): void {
  const activations = program
    .command("activations")
    .summary("the integration's activations per environment; remove one")
    .description(
      "Where the integration is active, per environment (company): version in force and status. remove deactivates it in one environment (asks unless --yes).",
    );
  declareListByStatus(activations, invoke, {
    description: "every environment the integration was activated in, with version and status",
    noun: "activations",
    statuses: STATUS,
    load: () => import("../commands/activations.js"),
  });
  activations
    .command("remove")
    .description(
      "deactivate the integration in one environment; its technical user's API key stops working",
    )
    .argument("<companyId>", "the environment's company id", positiveInteger)
    .addOption(integrationOption())
    .action((companyId, options, cmd) =>
      invoke(cmd, () => import("../commands/activations.js"), {
        action: "remove",
        companyId,
        integration: options.integration,
      }),
    );
}
