import { Option } from "@commander-js/extra-typings";
import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";
import { integrationOption, positiveInteger } from "./option-factories.js";

export function declareWorker(program: Program, invoke: Invoke): void {
  program
    .command("worker")
    .summary("run the reconciler: decide requests the callback never saw, sync activation status")
    .description(
      "Run the reconciler with your backend's hooks module until SIGINT or SIGTERM: decide the pending activation requests whose callback never came (with the same onActivationRequest as your callback), sync activation statuses (UPDATE_REQUIRED, REMOVED) into the store and call onStatusChange, replay unconfirmed decisions. Each event is a line on stdout (--json: one JSON object per line), the summary the last. Keys are sealed with PCX_KEYRING; states are checked with PCX_STATE_SECRET or the profile's. Several workers may share one store: each request is handled by one of them under a lease.",
    )
    .requiredOption(
      "--hooks <file>",
      "module (ESM or CommonJS) exporting onActivationRequest, and optionally onDecided and onStatusChange",
    )
    .addOption(
      new Option(
        "--store <url>",
        "sqlite:PATH, a file path, or postgres://… (else PCX_STORE); the keyring is PCX_KEYRING",
      ),
    )
    .addOption(integrationOption())
    .option("--interval <duration>", "time between sweeps, e.g. 30s or 2m (default 30s)")
    .option("--grace <duration>", "leave requests younger than this to the callback (default 1m)")
    .addOption(
      new Option(
        "--concurrency <n>",
        "requests decided at once within a sweep (default 4)",
      ).argParser(positiveInteger),
    )
    .option("--once", "run one sweep and exit")
    .action((options, cmd) => invoke(cmd, () => import("../commands/worker.js"), options));
}
