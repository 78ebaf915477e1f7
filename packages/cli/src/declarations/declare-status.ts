import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";
import { integrationOption } from "./option-factories.js";

export function declareStatus(program: Program, invoke: Invoke): void {
  program
    .command("status")
    .summary("review state, versions, link, limit and activations")
    .description(
      "The integration's review state and reviewer comment, latest and published versions, activation link, limit, activations by version and status, and pending activation requests.",
    )
    .addOption(integrationOption())
    .action((options, cmd) =>
      invoke(cmd, () => import("../commands/status.js"), { integration: options.integration }),
    );
}
