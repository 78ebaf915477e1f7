// The integrator's side of the demo, each step as the pcx CLI does it: publish
// the definition (`pcx define`: the SDK's planPublish and applyPublishPlan),
// have the sandbox's reviewer approve it (the sandbox's admin API), set a limit
// (`pcx limits`) and make a link with a signed state (`pcx link --state`).
import {
  applyPublishPlan,
  createActivationLink,
  loadDefinition,
  planPublish,
  signState,
} from "@pcx/sdk";

/** @typedef {import("@pcx/sdk").ProcountorClient} ProcountorClient */

/**
 * Publishes the definition in `file` with `callbackUrl` as `pcx define --yes`
 * does, and returns the new version's review state.
 *
 * @param {ProcountorClient} client
 * @param {string} file A pcx.integration.yaml.
 * @param {string} callbackUrl Replaces the file's `callbackUrl`: where the backend listens.
 */
export async function publishDefinition(client, file, callbackUrl) {
  const loaded = await loadDefinition(file);
  if (!loaded.value) {
    const first = loaded.errors[0];
    throw new Error(`${loaded.file} is not a valid definition: ${first?.path} ${first?.message}`);
  }
  const { $schema: _editorOnly, ...definition } = { ...loaded.value, callbackUrl };
  const plan = await planPublish(client, definition);
  const published = await applyPublishPlan(client, definition, plan);
  if (!published) throw new Error(`Publishing ${loaded.file} changed nothing.`);
  return { plan, published, name: definition.name };
}

/**
 * The sandbox's reviewer approves `version` (POST /sandbox/integrations/{id}/review,
 * what Procountor's review does; `pcx sandbox --auto-review` does it by itself).
 *
 * @param {string} sandboxUrl e.g. "http://127.0.0.1:4010".
 * @param {number} integrationId
 * @param {number} version
 */
export async function approveInSandbox(sandboxUrl, integrationId, version) {
  const url = `${sandboxUrl}/sandbox/integrations/${integrationId}/review`;
  const answer = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ decision: "approve", version }),
  });
  if (!answer.ok) throw new Error(`The sandbox's reviewer answered ${answer.status} at ${url}.`);
}

/**
 * Sets the integration's limit (`pcx limits --integration ID --set MAX`) and
 * returns its activation link with a signed state for `ref` (`pcx link --state REF`).
 *
 * @param {ProcountorClient} client
 * @param {number} integrationId
 * @param {{ max: number, ref: string, stateKey: { keyId: string, secret: string } }} options
 */
export async function limitAndLink(client, integrationId, options) {
  const limits = await client.integrations.setLimits(integrationId, options.max);
  const integration = await client.integrations.get(integrationId);
  if (!integration.activationLink) {
    throw new Error(`Integration ${integrationId} has no approved version, so no link.`);
  }
  const state = await signState(
    { ref: options.ref },
    { secret: options.stateKey.secret, keyId: options.stateKey.keyId, integrationId },
  );
  const link = createActivationLink({ activationLink: integration.activationLink, state });
  return { limits, link };
}
