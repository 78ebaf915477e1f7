// The examples' one command: read the settings, publish the example's
// integration in the sandbox (unless PCX_INTEGRATION_ID names one), start the
// backend, and print an activation link to click.
import { once } from "node:events";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createClient, isPcxError, sanitizeForTerminal } from "@pcx/sdk";
import { DEV_ONLY_DEFAULTS, readExampleConfig, SANDBOX_API_BASE_URL } from "./example-config.js";
import { prepareSandbox, signedActivationLink } from "./prepare-sandbox.js";

/**
 * @typedef {import("./backend-options.js").BackendOptions} BackendOptions
 * @typedef {import("./backend-options.js").RunningBackend} RunningBackend
 * @typedef {import("./prepare-sandbox.js").PreparedIntegration} PreparedIntegration
 */

/**
 * @typedef {object} RunExampleOptions
 * @property {string} name The example's package name, e.g. "express-backend".
 * @property {string} title What the first line calls it, e.g. "Express example backend".
 * @property {number} defaultPort Its port when PORT is not set.
 * @property {URL} definitionFile Its pcx.integration.yaml.
 * @property {(options: BackendOptions) => Promise<RunningBackend>} startBackend Its backend.
 * @property {Record<string, string | undefined>} [env] Default: `process.env`.
 * @property {(text: string) => void} [out] Default: writes to stdout.
 * @property {(text: string) => void} [err] Default: writes to stderr.
 */

/** A free TCP port on `host` (PORT=0: the callback URL must be known before the backend starts). @param {string} host */
async function freePort(host) {
  const probe = createServer().listen(0, host);
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  return typeof address === "object" && address ? address.port : 0;
}

/** @param {string} host */
const urlHost = (host) =>
  host === "localhost" ? "localhost" : host.includes(":") ? "[::1]" : "127.0.0.1";

/** @param {import("@pcx/sdk").DecisionResult} result */
function decisionText(result) {
  const environments = result.environments.map((env) => {
    const name = sanitizeForTerminal(`${env.name} (${env.businessId})`);
    const reason = env.reason === null ? "" : `: "${sanitizeForTerminal(env.reason)}"`;
    return `  ${name}: ${env.outcome.replace("_", " ")}${reason}`;
  });
  return [`Request ${result.requestId} decided:`, ...environments].join("\n");
}

/** A log line: the message and its fields (the handler never passes secrets). @param {string} message @param {Record<string, unknown>} [fields] */
const logText = (message, fields = {}) =>
  sanitizeForTerminal(
    [
      message,
      ...Object.entries(fields).map(([key, value]) => `${key}=${JSON.stringify(value)}`),
    ].join(" "),
    { multiline: false },
  );

/** @param {PreparedIntegration["action"]} action */
const actionText = (action) =>
  ({
    created: "published now and approved by the sandbox's reviewer",
    updated: "new version published (the definition or the callback URL changed) and approved",
    reused: "already published and approved",
    given: "from PCX_INTEGRATION_ID",
  })[action];

/**
 * Runs an example backend against a running sandbox until SIGINT/SIGTERM.
 * Resolves once it listens, with the backend and its link; on a failure,
 * writes `error: …` and sets `process.exitCode` to 1 instead of throwing.
 *
 * @param {RunExampleOptions} options
 * @returns {Promise<{ backend: RunningBackend, link: string, stop: () => Promise<void> } | undefined>}
 */
export async function runExample(options) {
  const out = options.out ?? ((text) => process.stdout.write(`${text}\n`));
  const err = options.err ?? ((text) => process.stderr.write(`${text}\n`));
  /** @type {import("./example-config.js").ExampleConfig | undefined} */
  let config;
  try {
    const settings = readExampleConfig(options.env ?? process.env, {
      name: options.name,
      port: options.defaultPort,
    });
    config = settings;
    const port = settings.port === 0 ? await freePort(settings.host) : settings.port;
    const callbackUrl = `http://${urlHost(settings.host)}:${port}/procountor/callback`;
    // One retry: a sandbox that is not running refuses at once. No client-side
    // rate limit for these few setup calls.
    const client = createClient({ ...settings.api, retry: { maxAttempts: 2 }, rateLimit: false });
    const prepared = await prepareSandbox({
      client,
      apiBaseUrl: settings.api.baseUrl,
      definitionFile: fileURLToPath(options.definitionFile),
      callbackUrl,
      ...(settings.integrationId === undefined ? {} : { integrationId: settings.integrationId }),
    }).finally(() => client.close());
    const { integration } = prepared;
    const backend = await options.startBackend({
      api: settings.api,
      integrationId: integration.id,
      stateSecrets: { [settings.stateKey.keyId]: settings.stateKey.secret },
      keyringKeys: [settings.keyringKey],
      storeFile: settings.storeFile,
      port,
      host: settings.host,
      logger: {
        warn: (message, fields) => err(`warn: ${logText(message, fields)}`),
        error: (message, fields) => err(`error: ${logText(message, fields)}`),
      },
      onDecided: (result) => out(decisionText(result)),
    });
    const link = await signedActivationLink(integration, settings.stateKey, "demo-customer");
    const published = integration.published?.definition.callbackUrl;
    const env = [
      settings.devDefaults.includes("PCX_STATE_SECRET")
        ? `PCX_STATE_SECRET=${DEV_ONLY_DEFAULTS.stateSecret} `
        : "",
      settings.stateKey.keyId === "k1" ? "" : `PCX_STATE_KEY_ID=${settings.stateKey.keyId} `,
    ].join("");
    const baseUrl =
      settings.api.baseUrl === SANDBOX_API_BASE_URL ? "" : ` --base-url ${settings.api.baseUrl}`;
    out(
      [
        `${options.title}: listening on ${backend.callbackUrl}`,
        `  Integration ${integration.id} "${sanitizeForTerminal(integration.latest.definition.name)}": ${actionText(prepared.action)}`,
        ...(published === backend.callbackUrl
          ? []
          : [`  warning: its published callback URL is ${published}, not this backend's`]),
        `  Store: SQLite at ${settings.storeFile}`,
        ...(settings.devDefaults.length === 0
          ? []
          : [
              `  Development-only secrets in use (${settings.devDefaults.join(", ")}): public defaults, never for production.`,
            ]),
        "",
        'Open this activation link in a browser and sign in as "demo":',
        `  ${link}`,
        "",
        "Make more links with the pcx CLI (from the repository root):",
        `  ${env}npx -y pnpm@10 pcx link --profile sandbox${baseUrl} --integration ${integration.id} --state cust-42`,
        "",
        "Waiting for callbacks. Stop with Ctrl+C.",
      ].join("\n"),
    );
    const stop = async () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      try {
        await backend.close();
        if (settings.temporaryDir)
          await rm(settings.temporaryDir, { recursive: true, force: true });
        out("Stopped.");
      } catch (error) {
        err(`error: while stopping: ${sanitizeForTerminal(String(error))}`);
        process.exitCode = 1;
      }
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    return { backend, link, stop };
  } catch (error) {
    if (config?.temporaryDir) await rm(config.temporaryDir, { recursive: true, force: true });
    const message = error instanceof Error ? error.message : String(error);
    err(`error: ${sanitizeForTerminal(message)}`);
    const hint = isPcxError(error) ? error.hint : undefined;
    if (hint) err(`hint: ${sanitizeForTerminal(hint)}`);
    process.exitCode = 1;
    return undefined;
  }
}
