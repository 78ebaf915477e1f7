// No technical-user API key in clear text anywhere: approvals run through the
// callback handler, the reconciler and `pcx worker --json` (SQLite file) and
// through the callback and the reconciler on PostgreSQL; then every store
// row (the SQLite file's bytes, its WAL included, and SELECT * of every pcx
// table in PostgreSQL), every log line the SDK emitted (callback, reconciler,
// client) and the output of `pcx worker --json` and `pcx store migrate` are
// searched for each key and for every 8 characters of it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningSandbox, startSandbox } from "@pcx/sandbox";
import {
  type ActivationStore,
  createCallbackHandler,
  createClient,
  createKeyring,
  createReconciler,
  generateKeyringKey,
  type ProcountorClient,
  type ReconcilerOptions,
} from "@pcx/sdk";
import { createPostgresStore } from "@pcx/store-sql/postgres";
import { createSqliteStore } from "@pcx/store-sql/sqlite";
import {
  approvedAcmeIntegration,
  describePostgres,
  startSignedCustomers,
  TEST_STATE_SECRET,
  tempDir,
} from "@pcx/testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, spawnPcx } from "./spawn-pcx.js";
import { workerEnv } from "./worker-env.js";

beforeAll(assertBuilt);

const KEY = generateKeyringKey();
const keyring = createKeyring({ keys: [{ id: "k1", key: KEY }] });
const HOOKS = `import { appendFileSync } from "node:fs";
export const onActivationRequest = (request, ctx) => ctx.approveAll();
export function onDecided(result) {
  for (const c of result.credentials) appendFileSync(new URL("./keys.txt", import.meta.url), c.apiKey + "\\n");
}
`;

/** Every 8 characters of `key` (and the key itself) found in `text`. */
function leaks(key: string, text: string): string[] {
  const found = text.includes(key) ? [key] : [];
  for (let i = 0; i + 8 <= key.length; i++) {
    const fragment = key.slice(i, i + 8);
    if (text.includes(fragment)) found.push(fragment);
  }
  return found;
}

/**
 * For a describe block: a sandbox with an approved Acme integration and a
 * client whose debug log goes to `logs`, started before its tests and
 * closed after them.
 */
function loggingSandbox() {
  const world = { logs: [] as string[] } as {
    sandbox: RunningSandbox;
    integrationId: number;
    client: ProcountorClient;
    logs: string[];
  };
  beforeAll(async () => {
    world.sandbox = await startSandbox({ port: 0 });
    world.integrationId = approvedAcmeIntegration(world.sandbox);
    world.client = createClient({
      baseUrl: world.sandbox.apiBaseUrl,
      credentials: world.sandbox.credentials,
      rateLimit: false,
      logger: { debug: (m, data) => world.logs.push(`${m} ${JSON.stringify(data)}`) },
    });
  });
  afterAll(async () => {
    await world.client?.close();
    await world.sandbox?.close();
  });
  return world;
}

/** Approves requests through the callback handler, then others through the reconciler, on `store`. */
async function approveThroughSdk(
  sandbox: RunningSandbox,
  integrationId: number,
  store: ActivationStore,
  client: ProcountorClient,
  logs: string[],
): Promise<string[]> {
  const keys: string[] = [];
  const logger = {
    info: (m: string, f?: unknown) => logs.push(`${m} ${JSON.stringify(f)}`),
    warn: (m: string, f?: unknown) => logs.push(`${m} ${JSON.stringify(f)}`),
    error: (m: string, f?: unknown) => logs.push(`${m} ${JSON.stringify(f)}`),
  };
  const common = {
    client,
    integrationId,
    store,
    sealer: keyring,
    stateSecrets: { k1: TEST_STATE_SECRET },
    onActivationRequest: (_request, ctx) => ctx.approveAll(),
    onDecided: (result) => {
      for (const credential of result.credentials) keys.push(credential.apiKey);
    },
    logger,
  } satisfies ReconcilerOptions;
  const handler = createCallbackHandler(common);
  for (const request of await startSignedCustomers(sandbox, integrationId, 2, "callback")) {
    const page = await handler.handle(new Request(sandbox.engine.callbackUrlFor(request.id)));
    logs.push(await page.text()); // the customer's page: no key either
  }
  await startSignedCustomers(sandbox, integrationId, 2, "dropped");
  const reconciler = createReconciler({ ...common, callbackGraceMs: 0 });
  await reconciler.sweep();
  await reconciler.stop();
  return keys;
}

describe("no technical-user API key in clear text", () => {
  const work = tempDir({ "hooks.mjs": HOOKS });
  const config = tempDir();
  const world = loggingSandbox();
  afterAll(() => {
    work.cleanup();
    config.cleanup();
  });

  it("in the SQLite file (WAL included), the SDK's logs, pcx worker --json and pcx store migrate", async () => {
    const { sandbox, integrationId, client, logs } = world;
    const filename = join(work.dir, "pcx.db");
    const url = `sqlite:${filename}`;
    const env = workerEnv({ sandbox, integrationId, configDir: config.dir, keyringKey: KEY });
    const migrated = await spawnPcx(["store", "migrate", "--store", url, "--json"], {
      env,
      cwd: work.dir,
    });
    expect(migrated.code).toBe(0);
    const store = await createSqliteStore({ filename });
    const keys = await approveThroughSdk(sandbox, integrationId, store, client, logs);
    await startSignedCustomers(sandbox, integrationId, 2, "worker");
    const worker = await spawnPcx(
      ["worker", "--hooks", "hooks.mjs", "--store", url, "--json", "--once", "--grace", "0s"],
      { env, cwd: work.dir },
    );
    expect(worker.code).toBe(0);
    keys.push(...readFileSync(join(work.dir, "keys.txt"), "utf8").trim().split("\n"));
    const again = await spawnPcx(["store", "migrate", "--store", url], { env, cwd: work.dir });
    expect(again.code).toBe(0);

    // 2 callbacks + 2 reconciled + 2 by the worker, 3 environments each, all approved.
    expect(keys).toHaveLength(18);
    expect(new Set(keys).size).toBe(18);
    const activations = await store.listActivations({ integrationId });
    expect(activations.filter((a) => a.sealedApiKey?.startsWith("pcxk1.k1."))).toHaveLength(18);
    // The file while the store is open (the WAL holds the latest pages), then after closing.
    const files = () =>
      [filename, `${filename}-wal`, `${filename}-shm`]
        .filter(existsSync)
        .map((file) => readFileSync(file).toString("latin1"))
        .join("\n");
    const whileOpen = files();
    expect(existsSync(`${filename}-wal`)).toBe(true);
    await store.close();
    const afterClose = files();

    const places: Record<string, string> = {
      "SQLite file and WAL (open)": whileOpen,
      "SQLite file (closed)": afterClose,
      "SDK logs": logs.join("\n"),
      "pcx worker --json stdout": worker.stdout,
      "pcx worker --json stderr": worker.stderr,
      "pcx store migrate stdout": migrated.stdout + again.stdout,
      "pcx store migrate stderr": migrated.stderr + again.stderr,
    };
    expect(worker.stdout.split("\n").filter(Boolean).length).toBeGreaterThan(3);
    expect(logs.length).toBeGreaterThan(10);
    for (const key of keys) {
      for (const [place, text] of Object.entries(places)) {
        expect(leaks(key, text), `${place} holds part of a key`).toEqual([]);
      }
    }
    // The search finds a key where there is one.
    expect(leaks(keys[0] as string, `x${(keys[0] as string).slice(3, 12)}x`)).not.toEqual([]);
  }, 120_000);
});

describePostgres("no technical-user API key in clear text (PostgreSQL)", (url) => {
  const world = loggingSandbox();

  it("in every pcx table and the SDK's logs", async () => {
    const { sandbox, integrationId, client, logs } = world;
    const schema = `pcx_test_keys_${Date.now().toString(36)}`;
    const store = await createPostgresStore({ connectionString: url, schema });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const keys = await approveThroughSdk(sandbox, integrationId, store, client, logs);
      expect(keys).toHaveLength(12);
      const tables = await admin.query(
        "select table_name from information_schema.tables where table_schema = $1 and table_name like 'pcx%'",
        [schema],
      );
      expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toEqual(
        expect.arrayContaining(["pcx_activations", "pcx_decisions", "pcx_requests"]),
      );
      let rows = "";
      for (const { table_name } of tables.rows) {
        const all = await admin.query(`select * from "${schema}"."${table_name}"`);
        rows += `${table_name}: ${JSON.stringify(all.rows)}\n`;
      }
      expect(rows).toContain("pcxk1.k1.");
      for (const key of keys) {
        expect(leaks(key, rows), "a PostgreSQL row holds part of a key").toEqual([]);
        expect(leaks(key, logs.join("\n")), "the SDK's logs hold part of a key").toEqual([]);
      }
    } finally {
      await store.close();
      await admin.query(`drop schema if exists "${schema}" cascade`);
      await admin.end();
    }
  }, 60_000);
});
