import { Option } from "@commander-js/extra-typings";
import { companyIds, intervalSeconds, reasonText } from "../requests/request-flags.js";
import type { CommandGroup, Program } from "./create-program.js";
import { declareListByStatus } from "./declare-list-by-status.js";
import type { Invoke, ParsedCommand } from "./invoker.js";
import { integrationOption, positiveInteger } from "./option-factories.js";

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

/** The flags approve and reject share (reject has no --show-keys, approve no --reason). */
interface DecisionFlags {
  env: number[];
  store?: string;
  showKeys?: true;
  reason?: string;
}

/** `approve` or `reject` with the request's id, before its flags. */
function decisionCommand(requests: CommandGroup, name: string, description: string) {
  return requests
    .command(name)
    .description(description)
    .argument(...requestId);
}

/** The action of `approve` and `reject`: the request, the environments decided, where the keys go. */
function decide(invoke: Invoke, action: "approve" | "reject") {
  return (id: number, flags: DecisionFlags, cmd: ParsedCommand) =>
    invoke(cmd, () => import("../commands/requests.js"), {
      action,
      id,
      environments: flags.env,
      reason: flags.reason,
      store: flags.store,
      showKeys: flags.showKeys === true,
    });
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
  declareListByStatus(requests, invoke, {
    description: "list the integration's activation requests, newest first",
    noun: "requests",
    statuses: STATUS,
    load: () => import("../commands/requests.js"),
  });
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
  decisionCommand(
    requests,
    "approve",
    "approve the request's pending environments (or those given with --env). The approval hands over each environment's technical-user API key: it is sealed into the store (--store or PCX_STORE, keyring PCX_KEYRING), or printed once with --show-keys; with neither, nothing is approved (exit 2).",
  )
    .addOption(envOption())
    .addOption(store)
    .addOption(showKeys)
    .action(decide(invoke, "approve"));
  decisionCommand(
    requests,
    "reject",
    "reject the request's pending environments (or those given with --env) with a reason the customer reads",
  )
    .requiredOption("--reason <text>", "why, shown to the customer (1-500 characters)", reasonText)
    .addOption(envOption())
    .addOption(
      new Option("--store <url>", "record the decision in this store too (else PCX_STORE)"),
    )
    .action(decide(invoke, "reject"));
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
