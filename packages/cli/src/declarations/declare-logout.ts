import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";

export function declareLogout(program: Program, invoke: Invoke): void {
  program
    .command("logout")
    .summary("remove a profile's saved credentials")
    .description(
      "Remove the saved credentials of the profile (--profile; default: the saved default). The integration id and state secret stay unless --forget.",
    )
    .option("--forget", "delete the whole profile, its integration id and state secret too")
    .action((options, cmd) =>
      invoke(cmd, () => import("../commands/logout.js"), { forget: options.forget === true }),
    );
}
