import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";

export function declareProfiles(program: Program, invoke: Invoke): void {
  program
    .command("profiles")
    .summary("list profiles (secrets shown only as set / not set)")
    .description(
      "List the built-in and saved profiles: API base URL, client id, whether the secret and API key are set, the integration id. Secrets are never printed; the state secret only with --show-state-secret.",
    )
    .option(
      "--show-state-secret",
      "print the active profile's state secret (for your backend's verifyState); generated when missing",
    )
    .option("--default <name>", "make NAME the profile used when --profile is not given")
    .action((options, cmd) =>
      invoke(cmd, () => import("../commands/profiles.js"), {
        showStateSecret: options.showStateSecret === true,
        setDefault: options.default,
      }),
    );
}
