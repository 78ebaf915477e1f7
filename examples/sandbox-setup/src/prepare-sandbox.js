// Publishing an example's integration in a local pcx sandbox, as `pcx define
// --yes` followed by the sandbox's reviewer would: so that an example's
// `start` is one command. Sandbox only: against Procountor, publish with
// `pcx define`, wait for the review, and set PCX_INTEGRATION_ID.
import { createActivationLink, isPcxError, loadDefinition, signState } from "@pcx/sdk";

/**
 * @typedef {import("@pcx/sdk").ProcountorClient} ProcountorClient
 * @typedef {Awaited<ReturnType<ProcountorClient["integrations"]["get"]>>} Integration
 */

/**
 * @typedef {object} PrepareSandboxOptions
 * @property {ProcountorClient} client The integrator's client (the sandbox's demo credentials).
 * @property {string} apiBaseUrl The sandbox's API base URL, e.g. "http://127.0.0.1:4010/api".
 * @property {string} definitionFile The example's pcx.integration.yaml.
 * @property {string} callbackUrl Where the example listens; replaces the file's `callbackUrl`.
 * @property {number} [integrationId] Use this integration as it is (PCX_INTEGRATION_ID). Default: find the example's by name, or publish it.
 */

/**
 * @typedef {object} PreparedIntegration
 * @property {Integration} integration The approved integration, with its activation link.
 * @property {"created" | "updated" | "reused" | "given"} action What was done to get it.
 */

/** JSON with sorted keys, to compare definitions whatever their key order. @param {unknown} value @returns {string} */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([key, item]) => key !== "$schema" && item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** @param {string} apiBaseUrl */
const sandboxRoot = (apiBaseUrl) => apiBaseUrl.replace(/\/api\/?$/, "");

/**
 * Approves the latest version with the sandbox's reviewer (what
 * `pcx sandbox --auto-review` does by itself); a version the auto-review
 * approved first is fine.
 * @param {string} apiBaseUrl @param {Integration} integration
 */
async function approveInSandbox(apiBaseUrl, integration) {
  const url = `${sandboxRoot(apiBaseUrl)}/sandbox/integrations/${integration.id}/review`;
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ decision: "approve", version: integration.latest.version }),
  });
  if (!res.ok && res.status !== 409) {
    throw new Error(
      `The sandbox's reviewer answered ${res.status} at ${url}: is this a pcx sandbox?`,
    );
  }
}

/** @param {ProcountorClient} client @param {string} name */
async function findByName(client, name) {
  /** @type {Integration | undefined} */
  let found;
  for await (const integration of client.integrations.list()) {
    if (integration.latest.definition.name === name && (!found || integration.id > found.id)) {
      found = integration;
    }
  }
  return found;
}

/**
 * Makes sure the sandbox has the example's integration, approved, with
 * `callbackUrl`: finds the newest integration with the definition's name,
 * submits the definition (or a new version when it differs, e.g. another
 * port) and has the sandbox's reviewer approve it. Throws an Error that says
 * what to do when no sandbox answers or the definition is invalid.
 *
 * @param {PrepareSandboxOptions} options
 * @returns {Promise<PreparedIntegration>}
 */
export async function prepareSandbox(options) {
  const { client, apiBaseUrl } = options;
  try {
    if (options.integrationId !== undefined) {
      const integration = await client.integrations.get(options.integrationId);
      if (!integration.activationLink) {
        throw new Error(
          `Integration ${integration.id} has no approved version yet: approve it (pcx status shows its review), or unset PCX_INTEGRATION_ID.`,
        );
      }
      return { integration, action: "given" };
    }
    const loaded = await loadDefinition(options.definitionFile);
    if (!loaded.value) {
      const first = loaded.errors[0];
      throw new Error(`${loaded.file} is not a valid definition: ${first?.path} ${first?.message}`);
    }
    const { $schema: _editorOnly, ...definition } = {
      ...loaded.value,
      callbackUrl: options.callbackUrl,
    };
    let existing = await findByName(client, definition.name);
    /** @type {PreparedIntegration["action"]} */
    let action = "reused";
    const same = existing && canonical(existing.latest.definition) === canonical(definition);
    if (!existing) {
      existing = await client.integrations.create(definition);
      action = "created";
    } else if (!same || existing.latest.reviewState === "CHANGES_REQUESTED") {
      existing = await client.integrations.update(existing.id, definition);
      action = "updated";
    }
    if (existing.latest.reviewState === "IN_REVIEW") await approveInSandbox(apiBaseUrl, existing);
    return { integration: await client.integrations.get(existing.id), action };
  } catch (error) {
    if (isPcxError(error) && (error.code === "pcx_network" || error.code === "pcx_timeout")) {
      throw new Error(
        `No Procountor sandbox answers at ${apiBaseUrl}. Start one in another terminal: npx -y pnpm@10 pcx sandbox`,
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * The integration's activation link with a signed `state` for `ref` (valid 7
 * days), as `pcx link --state REF` makes it.
 *
 * @param {Integration} integration
 * @param {{ keyId: string, secret: string }} stateKey
 * @param {string} ref The integrator's own reference for the customer.
 */
export async function signedActivationLink(integration, stateKey, ref) {
  const state = await signState(
    { ref },
    { secret: stateKey.secret, keyId: stateKey.keyId, integrationId: integration.id },
  );
  return createActivationLink({ activationLink: integration.activationLink, state });
}
