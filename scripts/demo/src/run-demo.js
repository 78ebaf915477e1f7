// The demo: the sandbox in process, the integrator's steps as the CLI does
// them, the real Express example backend on a SQLite file, and one customer
// through the pages. Returns each environment's outcome; prints through a
// reporter, never secrets (the state secret and keyring key are random per
// run and stay in memory).
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_USER, startSandbox } from "@pcx/sandbox";
import { createClient, fetchTransport, generateKeyringKey, sanitizeForTerminal } from "@pcx/sdk";
import { startBackend } from "express-backend";
import { openLink } from "./customer.js";
import { approveInSandbox, limitAndLink, publishDefinition } from "./integrator.js";
import { outcomesOf } from "./outcomes.js";

/** @typedef {import("./outcomes.js").EnvironmentOutcome} EnvironmentOutcome */
/** @typedef {import("./reporter.js").Reporter} Reporter */

/** The limit the integrator sets, and what the customer picks first (one too many) and then. */
export const DEMO_LIMIT = 3;
/** 1001, 1002, 1004 are Acme's customers in the example (examples/sandbox-setup/src/acme-customers.js); 1005 is not. */
export const FIRST_PICKS = [1001, 1002, 1005, 1004];
export const PICKS = FIRST_PICKS.slice(0, DEMO_LIMIT);
/** The integrator's reference for this customer, carried in the link's signed state. */
export const CUSTOMER_REF = "acme-customer-42";

const definitionFile = createRequire(import.meta.url).resolve(
  "express-backend/pcx.integration.yaml",
);

/** A free port on 127.0.0.1: the callback URL is published before the backend listens. */
async function freePort() {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

/**
 * What the status page says per environment ("Kinnusen Metsäpalvelu Oy Approved, …"), or null
 * when its wording is not the expected one.
 * @param {string} text The status page as text.
 * @param {Array<{ name: string, businessId: string }>} environments
 */
function statusLine(text, environments) {
  const each = environments.map(({ name, businessId }) => {
    const escaped = `${name} ${businessId}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const word = new RegExp(`${escaped} (\\p{L}+)`, "u").exec(text)?.[1];
    return word ? `${name} ${word}` : null;
  });
  return each.every(Boolean) ? sanitizeForTerminal(each.join(", ")) : null;
}

/** @param {string} link */
const shortLink = (link) => (link.length > 90 ? `${link.slice(0, 89)}…` : link);

/**
 * @typedef {object} DemoRun
 * @property {EnvironmentOutcome[]} outcomes One per environment the customer picked at first.
 * @property {string} sandboxUrl
 * @property {string} callbackUrl
 * @property {() => Promise<string>} newLink A fresh link (new signed state) for a person to click.
 * @property {() => Promise<void>} close Stops the backend and the sandbox, removes the temp dir.
 */

/**
 * Runs the demo's steps through `reporter`. The sandbox and the backend keep
 * running until `close()`; on a failure they are stopped and the error thrown.
 * Aborting `signal` (Ctrl+C) stops them at once: the running step then fails.
 *
 * @param {Reporter} reporter
 * @param {{ signal?: AbortSignal }} [options]
 * @returns {Promise<DemoRun>}
 */
export async function runDemo(reporter, options = {}) {
  /** @type {Array<() => Promise<void>>} */
  const closers = [];
  /** @type {Promise<void> | undefined} */
  let closing;
  /** Stops everything started so far, once; later calls wait for the same stop. */
  const close = () => {
    closing ??= (async () => {
      for (const closer of closers.splice(0).reverse()) await closer();
    })();
    return closing;
  };
  /**
   * Adds what `closer` stops to what `close()` stops. Once a stop began
   * (Ctrl+C), it stops it at once instead and ends the run.
   * @param {() => Promise<void>} closer
   */
  const own = (closer) => {
    if (closing) {
      void closer();
      throw new Error("Stopped.");
    }
    closers.push(closer);
  };
  options.signal?.addEventListener("abort", () => void close(), { once: true });
  try {
    const sandbox = await reporter.step(
      "Procountor's sandbox starts, in this process",
      async (note) => {
        const started = await startSandbox({ port: 0 });
        own(() => started.close());
        note(`the partner API at ${started.apiBaseUrl}, the customer's pages at ${started.url}`);
        return started;
      },
    );
    const client = createClient({
      baseUrl: sandbox.apiBaseUrl,
      credentials: sandbox.credentials,
      transport: fetchTransport({ fetch: sandbox.fetch }),
      rateLimit: false,
    });
    own(() => client.close());
    const port = await freePort();
    const callbackUrl = `http://127.0.0.1:${port}/procountor/callback`;

    const integrationId = await reporter.step(
      "The integrator publishes its definition, as `pcx define` does",
      async (note) => {
        const { published, name } = await publishDefinition(client, definitionFile, callbackUrl);
        note(`examples/express-backend/pcx.integration.yaml, callback URL ${callbackUrl}`);
        note(
          `integration ${published.integrationId} "${sanitizeForTerminal(name)}" version ${published.version}: ${published.reviewState.toLowerCase().replace("_", " ")}`,
        );
        await approveInSandbox(sandbox.url, published.integrationId, published.version);
        note(
          `the sandbox's reviewer approved version ${published.version}: customers can activate it`,
        );
        return published.integrationId;
      },
    );

    const stateKey = { keyId: "k1", secret: randomBytes(32).toString("base64url") };
    const link = await reporter.step(
      "The integrator sets a limit and makes an activation link",
      async (note) => {
        const made = await limitAndLink(client, integrationId, {
          max: DEMO_LIMIT,
          ref: CUSTOMER_REF,
          stateKey,
        });
        note(
          `at most ${made.limits.maxConcurrentActivations} environments at once (pcx limits set ${DEMO_LIMIT})`,
        );
        note(`a link with a signed state for the customer "${CUSTOMER_REF}" (pcx link --state):`);
        note(`  ${shortLink(made.link)}`);
        return made.link;
      },
    );

    /** @type {import("@pcx/sdk").DecisionResult[]} */
    const decided = [];
    /** @type {string[]} */
    const logged = [];
    const backend = await reporter.step(
      "The integrator's backend starts: examples/express-backend",
      async (note) => {
        const dir = await mkdtemp(join(tmpdir(), "pcx-demo-"));
        own(() => rm(dir, { recursive: true, force: true }));
        const started = await startBackend({
          api: { baseUrl: sandbox.apiBaseUrl, credentials: sandbox.credentials, rateLimit: false },
          integrationId,
          stateSecrets: { [stateKey.keyId]: stateKey.secret },
          keyringKeys: [{ id: "demo", key: generateKeyringKey() }],
          storeFile: join(dir, "activations.db"),
          port,
          logger: {
            warn: (message) => logged.push(`warn: ${message}`),
            error: (message) => logged.push(`error: ${message}`),
          },
          onDecided: (result) => decided.push(result),
        });
        own(() => started.close());
        note(`Express 5 with the SDK's callback handler, listening at ${started.callbackUrl}`);
        note(`its store: a SQLite file in ${dir}`);
        return started;
      },
    );

    const customer = await openLink(sandbox.url, link);
    await reporter.step(
      `The customer opens the link and picks ${FIRST_PICKS.length} environments`,
      async (note) => {
        const said = await customer.pickOverLimit(FIRST_PICKS);
        note(
          `signed in as "${DEMO_USER.signInName}", accepted the terms; Procountor refused the pick:`,
        );
        note(`  "${sanitizeForTerminal(said)}"`);
      },
    );

    const { requestId, handOff } = await reporter.step(
      `The customer picks ${PICKS.length} and confirms the technical user`,
      async (note) => {
        const confirmed = await customer.confirm(PICKS);
        note(
          `request ${confirmed.requestId} is pending; the status page hands the customer to the integrator`,
        );
        return confirmed;
      },
    );

    await reporter.step(
      "The backend decides, when the customer follows the hand-off",
      async (note) => {
        const heading = await customer.followHandOff(handOff);
        if (decided.length !== 1)
          throw new Error(`The backend decided ${decided.length} times: ${logged.join("; ")}`);
        note(
          `it checked the signed state, read request ${requestId} over the API, and decided each environment`,
        );
        note(
          `the customer's new tab: "${sanitizeForTerminal(heading)}", with each environment's outcome`,
        );
        note(
          `the SQLite file now holds the decision and ${decided[0]?.credentials.length ?? 0} sealed API keys`,
        );
        const shown = statusLine(
          await customer.statusPage(requestId),
          decided[0]?.environments ?? [],
        );
        if (shown) note(`back in Procountor, the status page: ${shown}`);
      },
    );

    const request = await client.activationRequests.get(requestId);
    const environments = sandbox.engine.describeEnvironments(DEMO_USER.id, integrationId);
    const outcomes = outcomesOf({
      request,
      environments,
      firstPicks: FIRST_PICKS,
      limit: DEMO_LIMIT,
    });
    return {
      outcomes,
      sandboxUrl: sandbox.url,
      callbackUrl: backend.callbackUrl,
      newLink: async () =>
        (
          await limitAndLink(client, integrationId, {
            max: DEMO_LIMIT,
            ref: CUSTOMER_REF,
            stateKey,
          })
        ).link,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
