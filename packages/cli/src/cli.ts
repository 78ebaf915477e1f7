import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { CommandModule, ExitCode } from "./command.js";
import type { DefineInput } from "./commands/define.js";
import type { DiffInput } from "./commands/diff.js";
import type { InitInput } from "./commands/init.js";
import type { LimitsInput } from "./commands/limits.js";
import type { LinkInput } from "./commands/link.js";
import type { LoginInput } from "./commands/login.js";
import type { LogoutInput } from "./commands/logout.js";
import type { ProfilesInput } from "./commands/profiles.js";
import type { SandboxInput } from "./commands/sandbox.js";
import type { StatusInput } from "./commands/status.js";
import type { StoreMigrateInput } from "./commands/store-migrate.js";
import type { ValidateInput } from "./commands/validate.js";
import type { WorkerInput } from "./commands/worker.js";
import { type CliContext, createContext, type GlobalOptions, type Runtime } from "./context.js";
import { createOutput } from "./io/output.js";
import { type ClassifiedError, classifyError, reportError } from "./report-error.js";
import { PCX_VERSION } from "./version.js";

/**
 * The command surface of pcx (CLI.md). This file only declares commands: each
 * action lazily imports `./commands/<name>.js`, so `pcx --help` loads
 * commander and nothing else, and a command loads only its own dependencies.
 *
 * To add a command: create `src/commands/<name>.ts` exporting
 * `default defineCommand({ run, render, toJson?, exitCode? })`, then declare it
 * below with `.action((…args) => invoke(cmd, () => import("./commands/<name>.js"), input))`.
 * Keep the import specifier a string literal so the bundler splits it out, and
 * import only types from command modules here (`import type` is erased).
 */

type Loader<Input> = () => Promise<{ default: CommandModule<Input, unknown> }>;

const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  the thing checked is not OK (invalid definition; a diff needing a customer update with
     --exit-code; pcx link before any version is approved)
  2  usage error
  3  API or network error
  4  missing credentials or configuration

Environment: PCX_PROFILE, PCX_BASE_URL, PCX_CLIENT_ID, PCX_CLIENT_SECRET, PCX_API_KEY,
  PCX_INTEGRATION_ID, PCX_STATE_SECRET, PCX_STATE_KEY_ID, PCX_STORE_URL, PCX_KEYRING,
  PCX_CONFIG_DIR, NO_COLOR.
Docs: docs/cli.md`;

const collect = (value: string, previous: string[]) => [...previous, value];

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError("use a whole number of at least 1, e.g. 20.");
  }
  return n;
}

/** The largest concurrent-activation limit the contract accepts. */
const MAX_LIMIT = 10_000;

function limitValue(value: string): number | null {
  if (value.toLowerCase() === "none") return null;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new InvalidArgumentError(
      `use a whole number from 1 to ${MAX_LIMIT} (e.g. 20), or "none" for no limit.`,
    );
  }
  return n;
}

function number(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new InvalidArgumentError("not a number.");
  return n;
}

const INTEGRATION_HELP =
  "the integration to act on (else PCX_INTEGRATION_ID, else the one pcx define saved in the profile)";

/** Runs pcx with `runtime.argv` (user arguments only) and returns the exit code. Never exits. */
export async function run(runtime: Runtime): Promise<ExitCode> {
  let exitCode: ExitCode = 0;
  let context: CliContext | undefined;
  let commandName = "";

  /** Loads a command module, runs it, renders its data and records its exit code. */
  async function invoke<Input>(cmd: Command, load: Loader<Input>, input: Input): Promise<void> {
    context = createContext(cmd.optsWithGlobals<GlobalOptions>(), runtime);
    const command = (await load()).default;
    const data = await command.run(input, context);
    if (context.json) {
      const document = command.toJson ? command.toJson(data) : data;
      // undefined: the command wrote its document already (pcx sandbox, when ready).
      if (document !== undefined) context.out.writeJson(document);
    } else {
      const text = await command.render(data, context);
      if (text) context.out.stdout(text);
    }
    exitCode = command.exitCode?.(data, input) ?? 0;
  }

  const program = new Command("pcx")
    .description(
      "Procountor self-service integration activation for integrators: define, validate and publish integration definitions.",
    )
    .version(PCX_VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option("--json", "print one JSON document on stdout and nothing else there")
    .option("--profile <name>", "saved profile to use (sandbox, test, production, …)")
    .option("--base-url <url>", "override the profile's API base URL")
    .option("--no-color", "disable colour (also NO_COLOR=1 or a non-TTY)")
    .option("-y, --yes", "answer confirmations with yes")
    .option("--verbose", "trace HTTP with secrets redacted; show stacks of unexpected errors")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => runtime.stdout.write(text),
      writeErr: (text) => runtime.stderr.write(text),
      // Usage errors are reported by the catch below, in human or JSON form.
      outputError: () => {},
    })
    .addHelpText("after", EXIT_CODES_HELP)
    .hook("preSubcommand", (_program, sub) => {
      commandName = sub.name();
    });

  program
    .command("init")
    .summary("write a new definition file")
    .description(
      "Write a new integration definition file. Asks for what the flags do not give, only when stdin and stdout are terminals; otherwise every missing required flag is a usage error.",
    )
    .option(
      "--file <path>",
      "file to write (default pcx.integration.yaml, or .json with --format json)",
    )
    .addOption(new Option("--format <format>", "file format").choices(["yaml", "json"]))
    .option("--name <text>", "integration name shown to customers")
    .option("--description <text>", "one-sentence description shown to customers")
    .option("--callback-url <url>", "where Procountor sends the customer after the rights review")
    .option("--privacy-url <url>", "privacy policy URL")
    .option("--terms-url <url>", "terms of service URL")
    .option("--support-url <url>", "support page URL")
    .option("--logo-url <url>", "logo URL (optional)")
    .option("--username <name>", "technical user's username (lowercase, 3-40 characters)")
    .option("--display-name <text>", "technical user's display name (optional)")
    .option(
      "--right <key:level:purpose>",
      "a right of the technical user, e.g. sales-invoices:all:'Creates sales invoices.' (repeatable)",
      collect,
      [] as string[],
    )
    .addOption(
      new Option("--billing <target>", "who is billed the API fee").choices([
        "environment",
        "accounting-firm",
      ]),
    )
    .option(
      "--max-activations <n>",
      "cap on environments activated at once (optional)",
      positiveInteger,
    )
    .option("--force", "overwrite an existing file")
    .action((options, cmd: Command) =>
      invoke(cmd, () => import("./commands/init.js"), options as InitInput),
    );

  program
    .command("validate")
    .summary("validate a definition file")
    .description(
      "Validate a definition file: each problem with its dot-path, line and fix. Errors exit 1; warnings do not fail.",
    )
    .argument("[file]", "definition file (default pcx.integration.json, .yaml or .yml)")
    .addOption(
      new Option("--locale <locale>", "language of the technical user as customers see it")
        .choices(["en", "fi"])
        .default("en"),
    )
    .action((file: string | undefined, options, cmd: Command) =>
      invoke<ValidateInput>(cmd, () => import("./commands/validate.js"), {
        file,
        locale: options.locale as "en" | "fi",
      }),
    );

  program
    .command("diff")
    .summary("classify the changes between two definitions")
    .description(
      "Compare a definition file with another (--against) and classify every change: cosmetic, needs review, or customer update required.",
    )
    .argument("[file]", "the new definition (default pcx.integration.json, .yaml or .yml)")
    .option(
      "--against <file>",
      "the definition to compare with (default: the published definition, fetched with the profile)",
    )
    .option("--exit-code", "exit 1 when customers must accept an update")
    .option("--integration <id>", INTEGRATION_HELP, positiveInteger)
    .action((file: string | undefined, options, cmd: Command) =>
      invoke<DiffInput>(cmd, () => import("./commands/diff.js"), {
        file,
        against: options.against as string | undefined,
        exitCode: options.exitCode === true,
        integration: options.integration as number | undefined,
      }),
    );

  program
    .command("define")
    .summary("publish the definition: plan, confirm, submit for review")
    .description(
      "Publish (create or update) the integration definition: validate the file, show the plan with every change classified against the published version, ask (unless --yes), submit, and show the review state. Without a terminal, --yes is required.",
    )
    .argument("[file]", "definition file (default pcx.integration.json, .yaml or .yml)")
    .option("--dry-run", "show the plan and stop; nothing is submitted")
    .option("--integration <id>", INTEGRATION_HELP, positiveInteger)
    .option("--new", "create a new integration even when one is known or has the same name")
    .action((file: string | undefined, options, cmd: Command) =>
      invoke<DefineInput>(cmd, () => import("./commands/define.js"), {
        file,
        dryRun: options.dryRun === true,
        integration: options.integration as number | undefined,
        createNew: options.new === true,
      }),
    );

  program
    .command("status")
    .summary("review state, versions, link, limit and activations")
    .description(
      "The integration's review state and reviewer comment, latest and published versions, activation link, limit, activations by version and status, and pending activation requests.",
    )
    .option("--integration <id>", INTEGRATION_HELP, positiveInteger)
    .action((options, cmd: Command) =>
      invoke<StatusInput>(cmd, () => import("./commands/status.js"), {
        integration: options.integration as number | undefined,
      }),
    );

  const limits = program
    .command("limits")
    .summary("show or set the concurrent-activation limit")
    .description(
      "The concurrent-activation limit: how many environments a customer may activate at once. Applies at once, without review.",
    )
    .hook("preSubcommand", (_limits, sub) => {
      commandName = `limits ${sub.name()}`;
    });
  limits
    .command("show")
    .description("show the limit")
    .option("--integration <id>", INTEGRATION_HELP, positiveInteger)
    .action((options, cmd: Command) =>
      invoke<LimitsInput>(cmd, () => import("./commands/limits.js"), {
        action: "show",
        integration: options.integration as number | undefined,
      }),
    );
  limits
    .command("set")
    .description("set the limit (a whole number from 1, or none)")
    .argument("<n>", 'environments at once, e.g. 20; "none" removes the limit', limitValue)
    .option("--integration <id>", INTEGRATION_HELP, positiveInteger)
    .action((value: number | null, options, cmd: Command) =>
      invoke<LimitsInput>(cmd, () => import("./commands/limits.js"), {
        action: "set",
        value,
        integration: options.integration as number | undefined,
      }),
    );

  program
    .command("link")
    .summary("the activation link, optionally with a signed state")
    .description(
      "Print the approved integration's activation link. With --state, the link carries your reference signed (HMAC-SHA256) and expiring, for your callback to check with verifyState(); the secret is PCX_STATE_SECRET or the profile's (generated on first use; pcx profiles --show-state-secret prints it).",
    )
    .option("--state <ref>", "your own reference for the customer, e.g. cust-42")
    .option("--expires <duration>", "lifetime of the state, e.g. 30m, 12h, 7d (default 7d)")
    .option("--qr", "also draw the link as a QR code (not with --json)")
    .option("--integration <id>", INTEGRATION_HELP, positiveInteger)
    .action((options, cmd: Command) =>
      invoke<LinkInput>(cmd, () => import("./commands/link.js"), {
        state: options.state as string | undefined,
        expires: options.expires as string | undefined,
        qr: options.qr === true,
        integration: options.integration as number | undefined,
      }),
    );

  program
    .command("sandbox")
    .summary("run the local Procountor sandbox")
    .description(
      "Run the local Procountor sandbox (the partner API, the review queue and the customer's pages) until Ctrl+C, and print its URL and demo credentials. Use it with --profile sandbox.",
    )
    .option("--port <port>", "TCP port; 0 picks a free one", number, 4010)
    .option("--host <host>", "interface to listen on (default 127.0.0.1)")
    .option("--data <file>", "keep the state in this SQLite file (default: in memory)")
    .option("--auto-review", "approve every submitted version after a second")
    .option("--chaos <rate>", "share of API requests (0..1) that get a fault", number)
    .option("--seed <n>", "seed of the fixtures and of the chaos sequence (default 1)", number)
    .option("--latency <ms>", "latency added to every API request", number)
    .option("--ttl <duration>", "pending activation requests expire after this (default 15m)")
    .action((options, cmd: Command) =>
      invoke<SandboxInput>(cmd, () => import("./commands/sandbox.js"), {
        port: options.port as number,
        host: options.host as string | undefined,
        data: options.data as string | undefined,
        autoReview: options.autoReview === true,
        chaos: options.chaos as number | undefined,
        seed: options.seed as number | undefined,
        latency: options.latency as number | undefined,
        ttl: options.ttl as string | undefined,
      }),
    );

  program
    .command("worker")
    .summary("run the reconciler: decide requests the callback never saw, sync activation status")
    .description(
      "Run the reconciler with your backend's hooks module until SIGINT/SIGTERM: decide the pending activation requests whose callback never came (with the same onActivationRequest as your callback), sync activation statuses into the store, replay unconfirmed decisions. Each event is a line on stdout (--json: one JSON object per line), the summary the last. Keys are sealed with PCX_KEYRING (id:base64key,…); states are checked with PCX_STATE_SECRET or the profile's. See docs/reconciler.md.",
    )
    .requiredOption(
      "--hooks <file>",
      "module (ESM or CommonJS) exporting onActivationRequest, and optionally onDecided and onStatusChange",
    )
    .option(
      "--store <url>",
      "sqlite:PATH or postgres://… (else PCX_STORE_URL, else the profile's store)",
    )
    .option("--integration <id>", INTEGRATION_HELP, positiveInteger)
    .option("--interval <duration>", "time between sweeps (default 30s)")
    .option("--grace <duration>", "leave requests younger than this to the callback (default 1m)")
    .option(
      "--concurrency <n>",
      "requests decided at once within a sweep (default 4)",
      positiveInteger,
    )
    .option("--once", "run one sweep and exit")
    .action((options, cmd: Command) =>
      invoke<WorkerInput>(cmd, () => import("./commands/worker.js"), {
        hooks: options.hooks as string,
        store: options.store as string | undefined,
        integration: options.integration as number | undefined,
        interval: options.interval as string | undefined,
        grace: options.grace as string | undefined,
        concurrency: options.concurrency as number | undefined,
        once: options.once === true,
      }),
    );

  const store = program
    .command("store")
    .summary("the activation store: decisions, sealed keys, leases")
    .description(
      "The store the callback, the reconciler and pcx worker keep decisions, nonces, activations (with sealed keys) and leases in. See docs/stores.md.",
    );
  store
    .command("migrate")
    .description(
      "bring the store's tables to this pcx's schema version (safe on every deploy; a newer schema is refused)",
    )
    .option(
      "--store <url>",
      "sqlite:PATH or postgres://… (else PCX_STORE_URL, else the profile's store)",
    )
    .action((options, cmd: Command) =>
      invoke<StoreMigrateInput>(cmd, () => import("./commands/store-migrate.js"), {
        store: options.store as string | undefined,
      }),
    );

  program
    .command("login")
    .summary("save API credentials in a profile")
    .description(
      "Save the API client's credentials in a profile (--profile; default: the saved default, else production), after checking them with a token exchange. Secrets come from stdin, PCX_CLIENT_SECRET / PCX_API_KEY, or a prompt without echo on a terminal.",
    )
    .option("--client-id <id>", "the API client's id (else PCX_CLIENT_ID, else asked)")
    .option("--client-secret-stdin", "read the client secret from stdin (first line)")
    .option(
      "--api-key-stdin",
      "read the API key from stdin (first line; second when --client-secret-stdin is given too)",
    )
    .option("--no-verify", "save without checking the credentials")
    .option("--default", "make this the profile used when --profile is not given")
    .action((options, cmd: Command) =>
      invoke<LoginInput>(cmd, () => import("./commands/login.js"), {
        clientId: options.clientId as string | undefined,
        clientSecretStdin: options.clientSecretStdin === true,
        apiKeyStdin: options.apiKeyStdin === true,
        baseUrlFlag: cmd.optsWithGlobals<GlobalOptions>().baseUrl,
        verify: options.verify !== false,
        makeDefault: options.default === true,
      }),
    );

  program
    .command("logout")
    .summary("remove a profile's saved credentials")
    .description(
      "Remove the saved credentials of the profile (--profile; default: the saved default). The integration id and state secret stay unless --forget.",
    )
    .option("--forget", "delete the whole profile, its integration id and state secret too")
    .action((options, cmd: Command) =>
      invoke<LogoutInput>(cmd, () => import("./commands/logout.js"), {
        forget: options.forget === true,
      }),
    );

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
    .action((options, cmd: Command) =>
      invoke<ProfilesInput>(cmd, () => import("./commands/profiles.js"), {
        showStateSecret: options.showStateSecret === true,
        setDefault: options.default as string | undefined,
      }),
    );

  try {
    await program.parseAsync([...runtime.argv], { from: "user" });
    return exitCode;
  } catch (thrown) {
    const json = context?.json ?? wantsJson(runtime.argv);
    const out =
      context?.out ??
      createOutput({
        stdout: runtime.stdout,
        stderr: runtime.stderr,
        json,
        color: !runtime.argv.includes("--no-color"),
        env: runtime.env,
      });
    if (thrown instanceof CommanderError) {
      // --help, `help CMD` and --version end parsing with an "error" that is a success;
      // `pcx` without a command shows the help as an error (exitCode 1), a usage error here.
      if (thrown.code === "commander.helpDisplayed" || thrown.code === "commander.version")
        return 0;
      if (thrown.code === "commander.help" && thrown.exitCode === 0) return 0;
      const classified = usageError(thrown, commandName);
      await reportError(out, classified);
      return classified.exitCode;
    }
    const classified = await classifyError(thrown);
    await reportError(out, classified, context?.verbose ?? runtime.argv.includes("--verbose"));
    return classified.exitCode;
  }
}

function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}

function usageError(error: CommanderError, commandName: string): ClassifiedError {
  // `pcx` with no command prints the help on stderr; that is a usage error too.
  const message =
    error.code === "commander.help"
      ? "Missing command."
      : error.message.replace(/^error:\s*/i, "").trim();
  const command = commandName ? `pcx ${commandName}` : "pcx";
  return {
    exitCode: 2,
    error: { code: "pcx_usage", message, hint: `Run "${command} --help" for usage.` },
  };
}
