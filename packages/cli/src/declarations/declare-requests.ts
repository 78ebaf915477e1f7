import { Option } from "@commander-js/extra-typings";
import { companyIds, intervalSeconds, reasonText } from "../requests/request-flags.js";
import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";
import { integrationOption, positiveInteger } from "./option-factories.js";

const REQUEST_STATUSES = ["pending", "completed", "expired"] as const;
const STATUS = { pending: "PENDING", completed: "COMPLETED", expired: "EXPIRED" } as const;

const requestId = ["<id>", "the activation request's id", positiveInteger] as const;

function envOption() {
  return new Option(
    "--env <companyId>",
    "decide only this environment (company id; repeatable or comma-separated; default: every pending one)",
  )
    .argParser(companyIds)
    .default([] as number[]);
}

function storeOptions() {
  return [
    new Option(
      "--store <url>",
      "seal the approved API keys into this store: sqlite:PATH, a file path, or postgres://… (else PCX_STORE); the keyring is PCX_KEYRING",
    ),
    new Option("--show-keys", "print the approved API keys once instead (keep them yourself)"),
  ] as const;
}

export function declareRequests(program: Program, invoke: Invoke): void {
  const requests = program
    .command("requests")
    .summary("activation requests: list, show, approve, reject, watch; or review them")
    .description(
      "Customers' activation requests. With no subcommand on a terminal, an interactive review of the pending ones: pick a request, tick environments, approve or reject (with a reason). Without a terminal, use the subcommands.",
    );
  requests
    .command("review", { isDefault: true })
    .description(
      "the interactive review (also plain pcx requests): pick a pending request, tick environments, approve or reject with a reason; needs a terminal",
    )
    .addOption(integrationOption())
    .addOption(
      new Option(
        "--store <url>",
        "for approvals: the store to seal the API keys into (else PCX_STORE)",
      ),
    )
    .option("--show-keys", "for approvals: print the API keys once instead")
    .action((options, cmd) =>
      invoke(cmd, () => import("../commands/requests-review.js"), {
        integration: options.integration,
        store: options.store,
        showKeys: options.showKeys === true,
      }),
    );
  requests
    .command("list")
    .description("list the integration's activation requests, newest first")
    .addOption(
      new Option("--status <status>", "only requests in this status").choices(REQUEST_STATUSES),
    )
    .addOption(integrationOption())
    .action((options, cmd) =>
      invoke(cmd, () => import("../commands/requests.js"), {
        action: "list",
        ...(options.status ? { status: STATUS[options.status] } : {}),
        integration: options.integration,
      }),
    );
  requests
    .command("show")
    .description(
      "one request: environments with company, business id, status and reason; the state's ref; expiry",
    )
    .argument(...requestId)
    .action((id, _options, cmd) =>
      invoke(cmd, () => import("../commands/requests.js"), { action: "show", id }),
    );
  const [store, showKeys] = storeOptions();
  requests
    .command("approve")
    .description(
      "approve the request's pending environments (or those given with --env). The approval hands over each environment's technical-user API key: it is sealed into the store (--store or PCX_STORE, keyring PCX_KEYRING), or printed once with --show-keys; with neither, nothing is approved (exit 2).",
    )
    .argument(...requestId)
    .addOption(envOption())
    .addOption(store)
    .addOption(showKeys)
    .action((id, options, cmd) =>
      invoke(cmd, () => import("../commands/requests.js"), {
        action: "approve",
        id,
        environments: options.env,
        store: options.store,
        showKeys: options.showKeys === true,
      }),
    );
  requests
    .command("reject")
    .description(
      "reject the request's pending environments (or those given with --env) with a reason the customer reads",
    )
    .argument(...requestId)
    .requiredOption("--reason <text>", "why, shown to the customer (1-500 characters)", reasonText)
    .addOption(envOption())
    .addOption(
      new Option("--store <url>", "record the decision in this store too (else PCX_STORE)"),
    )
    .action((id, options, cmd) =>
      invoke(cmd, () => import("../commands/requests.js"), {
        action: "reject",
        id,
        environments: options.env,
        reason: options.reason,
        store: options.store,
        showKeys: false,
      }),
    );
  requests
    .command("watch")
    .description(
      "poll for new pending requests and print each as it arrives (--json: one JSON document per line) until Ctrl+C",
    )
    .addOption(
      new Option("--interval <seconds>", "seconds between polls")
        .argParser(intervalSeconds)
        .default(10),
    )
    .addOption(integrationOption())
    .action((options, cmd) =>
      invoke(cmd, () => import("../commands/requests-watch.js"), {
        intervalSeconds: options.interval,
        integration: options.integration,
      }),
    );
}
