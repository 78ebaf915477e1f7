import { Option } from "@commander-js/extra-typings";
import type { CommandGroup } from "./create-program.js";
import type { Invoke, Loader } from "./invoker.js";
import { integrationOption } from "./option-factories.js";

/** What `list` hands its command module. */
export interface ListByStatusInput<Status extends string> {
  action: "list";
  status?: Status;
  integration?: number;
}

export interface ListByStatus<Status extends string> {
  description: string;
  /** What is listed, in `--status`'s help: "only NOUN in this status". */
  noun: string;
  /** `--status` values, in help order, and the API's status each one stands for. */
  statuses: Readonly<Record<string, Status>>;
  load: Loader<ListByStatusInput<Status>>;
}

/**
 * `<group> list [--status S] [--integration ID]`: the integration's items
 * (requests, activations), optionally only those in one status.
 */
export function declareListByStatus<Status extends string>(
  group: CommandGroup,
  invoke: Invoke,
  list: ListByStatus<Status>,
): void {
  group
    .command("list")
    .description(list.description)
    .addOption(
      new Option("--status <status>", `only ${list.noun} in this status`).choices(
        Object.keys(list.statuses),
      ),
    )
    .addOption(integrationOption())
    .action((options, cmd) =>
      invoke(cmd, list.load, {
        action: "list",
        ...(options.status ? { status: list.statuses[options.status] } : {}),
        integration: options.integration,
      }),
    );
}
