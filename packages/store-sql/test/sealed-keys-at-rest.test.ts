import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ActivationRecord,
  type ActivationStore,
  createKeyring,
  generateKeyringKey,
  rotateSealedKeys,
} from "@pcx/sdk";
import { createPostgresStore } from "@pcx/store-sql/postgres";
import { createSqliteStore } from "@pcx/store-sql/sqlite";
import { describePostgres, SECRETS } from "@pcx/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { dropSchemas, dumpSchema, randomSchemaName } from "./postgres-schema.js";

// The technical user's API key, as an approval hands it over. It must never
// reach a store row in clear text: only the keyring's sealed value does.
const PLAINTEXT = SECRETS.technicalKey;
const K1 = { id: "k1", key: generateKeyringKey() };
const K2 = { id: "k2", key: generateKeyringKey() };

function activation(companyId: number, sealedApiKey: string): ActivationRecord {
  return {
    integrationId: 500,
    companyId,
    companyName: "Acme Oy",
    businessId: "1234567-8",
    version: 1,
    status: "ACTIVE",
    technicalUsername: `pcx-tu-${companyId}`,
    sealedApiKey,
    requestId: 9,
    activatedAt: new Date(0),
    updatedAt: new Date(0),
  };
}

/** Seals the key for two environments, rotates one keyring generation, and returns the stored sealed values. */
async function sealRotateAndRead(store: ActivationStore): Promise<string[]> {
  const old = createKeyring({ keys: [K1] });
  await store.saveActivation(activation(1, await old.seal(PLAINTEXT)));
  await store.saveActivation(activation(2, await old.seal(PLAINTEXT)));
  const keyring = createKeyring({ keys: [K1, K2] });
  expect(await rotateSealedKeys(store, keyring)).toMatchObject({ resealed: 2 });
  const sealed = (await store.listActivations()).map((a) => a.sealedApiKey as string);
  for (const value of sealed) {
    expect(keyring.keyIdOf(value)).toBe("k2");
    // Opened only by this explicit call.
    expect(await createKeyring({ keys: [K2] }).open(value)).toBe(PLAINTEXT);
  }
  return sealed;
}

describe("sealed keys at rest: SQLite", () => {
  it("the database file's bytes hold the sealed keys and never the plaintext", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pcx-at-rest-"));
    try {
      const store = await createSqliteStore({ filename: join(dir, "pcx.db") });
      const sealed = await sealRotateAndRead(store);
      // Read the files while the store is open (WAL included), and after close.
      const bytes = () =>
        Buffer.concat(readdirSync(dir).map((file) => readFileSync(join(dir, file))));
      const open = bytes();
      await store.close();
      for (const raw of [open, bytes()]) {
        expect(raw.includes(sealed[0] as string)).toBe(true);
        expect(raw.includes(PLAINTEXT)).toBe(false);
        expect(raw.includes(Buffer.from(PLAINTEXT).toString("base64"))).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describePostgres("sealed keys at rest: PostgreSQL", (url) => {
  const schema = randomSchemaName();
  afterAll(() => dropSchemas(url, [schema]));

  it("SELECT * of every store table holds the sealed keys and never the plaintext", async () => {
    const store = await createPostgresStore({ connectionString: url, schema });
    const sealed = await sealRotateAndRead(store);
    await store.close();
    const dump = await dumpSchema(url, schema);
    expect(dump).toContain(sealed[0]);
    expect(dump).not.toContain(PLAINTEXT);
  });
});
