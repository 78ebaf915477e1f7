import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";
import { integrationOption } from "./option-factories.js";

export function declareLink(program: Program, invoke: Invoke): void {
  program
    .command("link")
    .summary("the activation link, optionally with a signed state")
    .description(
      "Print the approved integration's activation link. With --state, the link carries your reference signed (HMAC-SHA256) and expiring, for your callback to check with verifyState(); the secret is PCX_STATE_SECRET or the profile's (generated on first use; pcx profiles --show-state-secret prints it).",
    )
    .option("--state <ref>", "your own reference for the customer, e.g. cust-42")
    .option("--expires <duration>", "lifetime of the state, e.g. 30m, 12h, 7d (default 7d)")
    .option("--qr", "also draw the link as a QR code (not with --json)")
    .addOption(integrationOption())
    .action((options, cmd) =>
      invoke(cmd, () => import("../commands/link.js"), {
        state: options.state,
        expires: options.expires,
        qr: options.qr === true,
        integration: options.integration,
      }),
    );
}
