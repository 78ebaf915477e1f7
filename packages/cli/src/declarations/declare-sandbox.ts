import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";
import { finiteNumber } from "./option-factories.js";

export function declareSandbox(program: Program, invoke: Invoke): void {
  program
    .command("sandbox")
    .summary("run the local Procountor sandbox")
    .description(
      "Run the local Procountor sandbox (the partner API, the review queue and the customer's pages) until Ctrl+C, and print its URL and demo credentials. Use it with --profile sandbox.",
    )
    .option("--port <port>", "TCP port; 0 picks a free one", finiteNumber, 4010)
    .option("--host <host>", "interface to listen on (default 127.0.0.1)")
    .option("--data <file>", "keep the state in this SQLite file (default: in memory)")
    .option("--auto-review", "approve every submitted version after a second")
    .option("--chaos <rate>", "share of API requests (0..1) that get a fault", finiteNumber)
    .option(
      "--seed <n>",
      "seed of the fixtures and of the chaos sequence (default 1)",
      finiteNumber,
    )
    .option("--latency <ms>", "latency added to every API request", finiteNumber)
    .option("--ttl <duration>", "pending activation requests expire after this (default 15m)")
    .action((options, cmd) => invoke(cmd, () => import("../commands/sandbox.js"), options));
}
