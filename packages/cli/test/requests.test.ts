// pcx requests and pcx activations, in process against the real sandbox.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO_USER } from "@pcx/sandbox";
import { generateKeyringKey, signState } from "@pcx/sdk";
import type { CliWorld } from "@pcx/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchControl } from "../src/commands/requests-watch.js";
import { createDefinedWorld } from "./pcx-harness.js";

let world: CliWorld;
let id: number;
let offsetMs = 0;
const STATE_SECRET = "s".repeat(40);

beforeAll(async () => {
  ({ world, integrationId: id } = await createDefinedWorld({
    sandbox: { now: () => new Date(Date.now() + offsetMs) },
  }));
});
afterAll(() => world?.close());

/** A new pending request by the demo user for these environments. */
function pending(companyIds: number[], state: string | null = null): number {
  return world.sandbox.engine.startActivation({
    userId: DEMO_USER.id,
    integrationId: id,
    companyIds,
    state,
  }).request.id;
}

type Json = Record<string, unknown>;

describe("pcx requests list / show", () => {
  it("lists pending requests as a table and as JSON; show gives environments, state ref and expiry", async () => {
    const state = await signState(
      { ref: "cust-42" },
      { secret: STATE_SECRET, keyId: "k1", integrationId: id },
    );
    const rid = pending([1001, 1004], state);
    const list = await world.run(["requests", "list", "--status", "pending", "--json"]);
    expect(list.code).toBe(0);
    const listed = (list.json() as { requests: Json[] }).requests;
    expect(listed.map((r) => r.id)).toContain(rid);
    expect(listed.every((r) => r.status === "PENDING")).toBe(true);
    const table = await world.run(["requests", "list"]);
    expect(table.stdout).toMatch(new RegExp(`${rid}\\s+PENDING`));
    expect(table.stdout).toMatch(/expires in 1[45] min/);

    const show = await world.run(["requests", "show", String(rid), "--json"], {
      env: { PCX_STATE_SECRET: STATE_SECRET },
    });
    expect(show.code).toBe(0);
    const doc = show.json() as Json & { environments: Json[] };
    expect(doc.state).toEqual({ verified: true, ref: "cust-42", keyId: "k1" });
    expect(doc.environments.map((e) => e.companyId)).toEqual([1001, 1004]);
    expect(doc.environments[0]).toMatchObject({
      status: "PENDING",
      businessId: expect.any(String),
    });
    const text = await world.run(["requests", "show", String(rid)]);
    expect(text.stdout).toMatch(/expires in 1[45] min/);
    expect(text.stdout).toContain("State:        present, not verified");
    expect(text.stdout).toMatch(/1001\s+\S.*business id/);
  });

  it("an unknown request is exit 3 naming it", async () => {
    const run = await world.run(["requests", "show", "999999", "--json"]);
    expect(run.code).toBe(3);
  });
});

describe("pcx requests approve / reject", () => {
  it("approve without a store is refused (exit 2) naming --store and --show-keys; nothing decided", async () => {
    const rid = pending([1002]);
    const run = await world.run(["requests", "approve", String(rid), "--json"]);
    expect(run.code).toBe(2);
    const error = (run.json() as { error: { message: string; hint: string } }).error;
    expect(`${error.message} ${error.hint}`).toContain("--store");
    expect(error.hint).toContain("--show-keys");
    const show = await world.run(["requests", "show", String(rid), "--json"]);
    expect((show.json() as Json).status).toBe("PENDING");
  });

  it("approve --show-keys prints the key once (JSON and text), never with --verbose traces", async () => {
    const rid = pending([1011, 1012]);
    const run = await world.run([
      "requests",
      "approve",
      String(rid),
      "--env",
      "1011",
      "--show-keys",
      "--json",
      "--verbose",
    ]);
    expect(run.code).toBe(0);
    const doc = run.json() as {
      environments: Json[];
      credentials: { companyId: number; apiKey: string }[];
    };
    expect(doc.environments.find((e) => e.companyId === 1011)?.outcome).toBe("approved");
    expect(doc.environments.find((e) => e.companyId === 1012)?.outcome).toBe("deferred");
    expect(doc.credentials).toHaveLength(1);
    const key = doc.credentials[0]?.apiKey ?? "";
    expect(key.length).toBeGreaterThan(8);
    expect(run.stderr).not.toContain(key);
    // The rest, rejected with a reason the customer reads.
    const reject = await world.run([
      "requests",
      "reject",
      String(rid),
      "--reason",
      "No contract with us yet.",
      "--json",
    ]);
    expect(reject.code).toBe(0);
    const rejected = reject.json() as { environments: Json[] };
    expect(rejected.environments.find((e) => e.companyId === 1012)).toMatchObject({
      outcome: "rejected",
      reason: "No contract with us yet.",
    });
    expect(rejected.environments.find((e) => e.companyId === 1011)?.outcome).toBe(
      "already_decided",
    );
    // Now completed: a second decision names the request, exit 3.
    const again = await world.run(["requests", "reject", String(rid), "--reason", "x", "--json"]);
    expect(again.code).toBe(3);
    expect(again.json()).toMatchObject({
      error: { code: "pcx_already_decided", message: expect.stringContaining(String(rid)) },
    });
    // `show` says "completed" once: the countdown is only for a pending request.
    const shown = await world.run(["requests", "show", String(rid)]);
    expect(shown.stdout.split("\n")[0]).toMatch(/version \d+\): completed$/);
  });

  it("approve --store seals the key into a SQLite file (no plaintext in the file)", async () => {
    const rid = pending([1005]);
    const file = join(world.workDir, "pcx.db");
    const keyring = `k1:${generateKeyringKey()}`;
    const noKeyring = await world.run(["requests", "approve", String(rid), "--store", file]);
    expect(noKeyring.code).toBe(4);
    expect(noKeyring.stderr).toContain("PCX_KEYRING");
    const run = await world.run(
      ["requests", "approve", String(rid), "--store", file, "--show-keys", "--json"],
      { env: { PCX_KEYRING: keyring } },
    );
    expect(run.code).toBe(0);
    const doc = run.json() as { store: string; credentials: { apiKey: string }[] };
    expect(doc.store).toBe(`sqlite:${file}`);
    const key = doc.credentials[0]?.apiKey ?? "";
    expect(key.length).toBeGreaterThan(8);
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(key))).toBe(false);
    expect(bytes.includes(Buffer.from("pcxk1.k1."))).toBe(true);
  });

  it("--env naming an environment the request does not have: exit 2 naming --env", async () => {
    const rid = pending([1006]);
    const run = await world.run([
      "requests",
      "reject",
      String(rid),
      "--env",
      "1007",
      "--reason",
      "no",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--env 1007");
  });

  it("an expired request: exit 3 naming it", async () => {
    const rid = pending([1008]);
    offsetMs = 16 * 60_000;
    try {
      const run = await world.run([
        "requests",
        "reject",
        String(rid),
        "--reason",
        "late",
        "--json",
      ]);
      expect(run.code).toBe(3);
      expect(run.json()).toMatchObject({
        error: { code: "pcx_request_expired", message: expect.stringContaining(String(rid)) },
      });
    } finally {
      offsetMs = 0;
    }
  });
});

describe("pcx requests watch", () => {
  it("--json prints each new request as one line, and stops with exit 0", async () => {
    const stop = new AbortController();
    let created = 0;
    watchControl.signal = stop.signal;
    watchControl.onPoll = (polls) => {
      if (polls === 1) created = pending([1009]);
      else stop.abort();
    };
    try {
      const run = await world.run(["requests", "watch", "--interval", "1", "--json"]);
      expect(run.code).toBe(0);
      const lines = run.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Json);
      expect(lines.at(-1)).toMatchObject({ id: created, status: "PENDING" });
    } finally {
      watchControl.signal = undefined;
      watchControl.onPoll = undefined;
    }
  });
});

describe("pcx requests without a terminal", () => {
  it("refuses the interactive review (exit 2) with a hint", async () => {
    const run = await world.run(["requests"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("pcx requests approve");
  });
});

describe("pcx activations", () => {
  it("lists, and removes with --yes (refused without it off a terminal)", async () => {
    world.activate(id, [1010]);
    const list = await world.run(["activations", "list", "--status", "active", "--json"]);
    expect(list.code).toBe(0);
    const rows = (list.json() as { activations: Json[] }).activations;
    expect(rows.find((a) => a.companyId === 1010)).toMatchObject({ status: "ACTIVE" });
    const refused = await world.run(["activations", "remove", "1010"]);
    expect(refused.code).toBe(2);
    const removed = await world.run(["activations", "remove", "1010", "--yes", "--json"]);
    expect(removed.code).toBe(0);
    expect(removed.json()).toMatchObject({ changed: true, activation: { status: "REMOVED" } });
    const after = await world.run(["activations", "list", "--status", "removed"]);
    expect(after.stdout).toMatch(/1010.*REMOVED/);
  });
});
