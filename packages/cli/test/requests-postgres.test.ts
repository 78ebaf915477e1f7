// pcx requests approve/reject --store and pcx store migrate against a real
// PostgreSQL (a throwaway database per run), in process against the sandbox.
import { randomBytes } from "node:crypto";
import { DEMO_USER } from "@pcx/sandbox";
import { createKeyring, generateKeyringKey } from "@pcx/sdk";
import { openStore } from "@pcx/store-sql";
import { type CliWorld, describePostgres } from "@pcx/testkit";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDefinedWorld } from "./pcx-harness.js";

describePostgres("pcx requests --store on PostgreSQL", (url) => {
  const database = `pcx_cli_${randomBytes(5).toString("hex")}`;
  const storeUrl = Object.assign(new URL(url), { pathname: `/${database}` }).toString();
  const key = generateKeyringKey();
  let world: CliWorld;
  let integrationId: number;

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`create database "${database}"`);
    ({ world, integrationId } = await createDefinedWorld());
  });
  afterAll(async () => {
    await world?.close();
    await admin(`drop database if exists "${database}" with (force)`);
  });

  const pending = (companyIds: number[]) =>
    world.sandbox.engine.startActivation({
      userId: DEMO_USER.id,
      integrationId,
      companyIds,
      state: null,
    }).request.id;

  it("migrates, approves into the store sealed (no key in any row or output), rejects, and records both", async () => {
    const env = { PCX_STORE: storeUrl, PCX_KEYRING: `k1:${key}` };
    const migrated = await world.run(["store", "migrate", "--json"], { env });
    expect(migrated.code).toBe(0);
    expect(migrated.json()).toMatchObject({ store: storeUrl, from: 0 });

    const approved = pending([1005]);
    const approve = await world.run(["requests", "approve", String(approved), "--json"], { env });
    expect([approve.code, approve.stderr]).toEqual([0, ""]);
    const rejected = pending([1006]);
    const reject = await world.run(
      ["requests", "reject", String(rejected), "--reason", "No contract yet", "--json"],
      { env },
    );
    expect(reject.code).toBe(0);

    const store = await openStore({ url: storeUrl });
    try {
      const [activation] = await store.listActivations({ integrationId });
      expect(activation?.companyId).toBe(1005);
      const sealed = activation?.sealedApiKey ?? "";
      expect(sealed.startsWith("pcxk1.k1.")).toBe(true);
      const apiKey = await createKeyring({ keys: [{ id: "k1", key }] }).open(sealed);
      expect(apiKey.length).toBeGreaterThan(8);
      // Every pcx table's rows, as text: the sealed key only, never the key.
      const client = new pg.Client({ connectionString: storeUrl });
      await client.connect();
      try {
        const tables = await client.query(
          "select table_name from information_schema.tables where table_schema = current_schema() and table_name like 'pcx_%'",
        );
        expect(tables.rows.length).toBeGreaterThan(4);
        for (const { table_name } of tables.rows) {
          const rows = await client.query(`select * from "${table_name}"`);
          expect(JSON.stringify(rows.rows)).not.toContain(apiKey);
        }
      } finally {
        await client.end();
      }
      for (const run of [migrated, approve, reject]) {
        expect(run.stdout + run.stderr).not.toContain(apiKey);
      }
      const decisions = async (id: number) =>
        (await store.listDecisions(id)).map((d) => [d.companyId, d.action, d.outcome]);
      expect(await decisions(approved)).toEqual([[1005, "approve", "APPROVED"]]);
      expect(await decisions(rejected)).toEqual([[1006, "reject", "REJECTED"]]);
    } finally {
      await store.close();
    }
    const again = await world.run(["store", "migrate"], { env });
    expect(again.stdout).toMatch(/nothing to apply/);
  });
});
