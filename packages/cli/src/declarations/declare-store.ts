import { Option } from "@commander-js/extra-typings";
import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";

export function declareStore(program: Program, invoke: Invoke): void {
  const store = program
    .command("store")
    .summary("the activation store: decisions, sealed keys, leases")
    .description(
      "The store the callback handler, the reconciler and pcx worker keep decisions, state nonces, activations (with sealed keys) and leases in.",
    );
  store
    .command("migrate")
    .description(
      "bring the store's tables to this pcx's schema version (safe on every deploy; a newer schema than this pcx knows is refused, exit 4)",
    )
    .addOption(
      new Option("--store <url>", "sqlite:PATH, a file path, or postgres://… (else PCX_STORE)"),
    )
    .action((options, cmd) =>
      invoke(cmd, () => import("../commands/store-migrate.js"), { store: options.store }),
    );
}
