// Publishing an example's integration in the sandbox for the one command:
// created once, reused while nothing changed, a new version when the callback
// URL changes, and plain errors when there is no sandbox or no approval.
import { createServer } from "node:net";
import { type RunningSandbox, startSandbox } from "@pcx/sandbox";
import { createClient, type ProcountorClient, verifyState } from "@pcx/sdk";
import { afterEach, expect, it } from "vitest";
import { prepareSandbox, SANDBOX_CREDENTIALS, signedActivationLink } from "../src/index.js";

const DEFINITION = new URL("../../express-backend/pcx.integration.yaml", import.meta.url).pathname;
const CALLBACK = "http://127.0.0.1:3000/procountor/callback";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function sandboxWithClient(
  options: Parameters<typeof startSandbox>[0] = {},
): Promise<{ sandbox: RunningSandbox; client: ProcountorClient }> {
  const sandbox = await startSandbox({ port: 0, ...options });
  cleanup.push(() => sandbox.close());
  // The defaults the examples use must be the sandbox's own demo credentials.
  expect(sandbox.credentials).toEqual(SANDBOX_CREDENTIALS);
  const client = createClient({
    baseUrl: sandbox.apiBaseUrl,
    credentials: SANDBOX_CREDENTIALS,
    rateLimit: false,
  });
  cleanup.push(() => client.close());
  return { sandbox, client };
}

it("publishes once, reuses it while nothing changed, and publishes a new version for a new callback URL", async () => {
  const { sandbox, client } = await sandboxWithClient();
  const options = { client, apiBaseUrl: sandbox.apiBaseUrl, definitionFile: DEFINITION };
  const first = await prepareSandbox({ ...options, callbackUrl: CALLBACK });
  expect(first.action).toBe("created");
  expect(first.integration.published?.version).toBe(1);
  expect(first.integration.published?.definition.callbackUrl).toBe(CALLBACK);
  expect(first.integration.activationLink).toBe(`${sandbox.url}/activate/${first.integration.id}`);

  const again = await prepareSandbox({ ...options, callbackUrl: CALLBACK });
  expect(again).toMatchObject({ action: "reused", integration: { id: first.integration.id } });
  expect(again.integration.latest.version).toBe(1);

  const moved = "http://127.0.0.1:3100/procountor/callback";
  const updated = await prepareSandbox({ ...options, callbackUrl: moved });
  expect(updated.action).toBe("updated");
  expect(updated.integration.id).toBe(first.integration.id);
  expect(updated.integration.published?.version).toBe(2);
  expect(updated.integration.published?.definition.callbackUrl).toBe(moved);

  const given = await prepareSandbox({
    ...options,
    callbackUrl: CALLBACK,
    integrationId: first.integration.id,
  });
  expect(given.action).toBe("given");
  expect(given.integration.published?.version).toBe(2);
});

it("does not mind the sandbox's auto-review approving first", async () => {
  const { sandbox, client } = await sandboxWithClient({ autoReview: true, autoReviewDelayMs: 0 });
  const prepared = await prepareSandbox({
    client,
    apiBaseUrl: sandbox.apiBaseUrl,
    definitionFile: DEFINITION,
    callbackUrl: CALLBACK,
  });
  expect(prepared.integration.published?.version).toBe(1);
});

it("refuses a given integration without an approved version", async () => {
  const { sandbox, client } = await sandboxWithClient();
  const { id } = await client.integrations.create({
    name: "Unreviewed",
    description: "Never reviewed.",
    links: {
      privacyPolicy: "https://acme.example/privacy",
      termsOfService: "https://acme.example/terms",
      support: "https://acme.example/support",
    },
    callbackUrl: CALLBACK,
    technicalUser: {
      username: "unreviewed",
      rights: [{ right: "sales-invoices", level: "view", purpose: "Reads invoices." }],
    },
  });
  await expect(
    prepareSandbox({
      client,
      apiBaseUrl: sandbox.apiBaseUrl,
      definitionFile: DEFINITION,
      callbackUrl: CALLBACK,
      integrationId: id,
    }),
  ).rejects.toThrow(`Integration ${id} has no approved version yet`);
});

it("says to start a sandbox when none answers", async () => {
  const probe = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => probe.once("listening", resolve));
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise((resolve) => probe.close(resolve));
  const apiBaseUrl = `http://127.0.0.1:${port}/api`;
  const client = createClient({
    baseUrl: apiBaseUrl,
    credentials: SANDBOX_CREDENTIALS,
    retry: { maxAttempts: 1 },
  });
  cleanup.push(() => client.close());
  await expect(
    prepareSandbox({ client, apiBaseUrl, definitionFile: DEFINITION, callbackUrl: CALLBACK }),
  ).rejects.toThrow(
    `No Procountor sandbox answers at ${apiBaseUrl}. Start one in another terminal: npx -y pnpm@10 pcx sandbox`,
  );
});

it("signs the printed link's state for the integration, as pcx link --state does", async () => {
  const { sandbox, client } = await sandboxWithClient();
  const { integration } = await prepareSandbox({
    client,
    apiBaseUrl: sandbox.apiBaseUrl,
    definitionFile: DEFINITION,
    callbackUrl: CALLBACK,
  });
  const key = { keyId: "k1", secret: "x".repeat(32) };
  const link = new URL(await signedActivationLink(integration, key, "cust-42"));
  expect(`${link.origin}${link.pathname}`).toBe(integration.activationLink);
  const verified = await verifyState(link.searchParams.get("state"), {
    secrets: { k1: key.secret },
    integrationId: integration.id,
  });
  expect(verified).toMatchObject({ ok: true, payload: { ref: "cust-42" } });
  const other = await verifyState(link.searchParams.get("state"), {
    secrets: { k1: key.secret },
    integrationId: integration.id + 1,
  });
  expect(other).toMatchObject({ ok: false, reason: "wrong_integration" });
});
