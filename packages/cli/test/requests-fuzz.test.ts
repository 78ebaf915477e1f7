// Fuzzing pcx requests' flags: every bad ID, --env, --status or --reason is
// a usage error (exit 2) naming the flag, never a crash or a stack trace,
// and nothing is decided.
import { DEMO_USER } from "@pcx/sandbox";
import type { CliWorld } from "@pcx/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDefinedWorld } from "./pcx-harness.js";

let world: CliWorld;
let rid: number;
beforeAll(async () => {
  const defined = await createDefinedWorld();
  world = defined.world;
  const id = defined.integrationId;
  rid = world.sandbox.engine.startActivation({
    userId: DEMO_USER.id,
    integrationId: id,
    companyIds: [1001, 1004],
    state: null,
  }).request.id;
});
afterAll(() => world?.close());

const isValidId = (s: string) =>
  /^\d+$/.test(s) && Number.isSafeInteger(Number(s)) && Number(s) >= 1;
const CONTROLS = ["\u0000", "\u0007", "\n", "\r", "\t", "\u001b[2J", "\u009b", "\u202e", "\u007f"];

/** Text with at least one control character in it. */
const withControl = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...CONTROLS), fc.string({ maxLength: 20 }))
  .map(([a, c, b]) => `${a}${c}${b}`);

/** An argv with exactly one bad value, and the flag the error must name. */
const badArgv: fc.Arbitrary<{ argv: string[]; names: string }> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("show", "approve", "reject"),
      fc.string({ maxLength: 24 }).filter((s) => !isValidId(s) && !s.startsWith("-")),
    )
    .map(([sub, id]) => ({
      argv: [
        "requests",
        sub,
        id,
        ...(sub === "approve" ? ["--show-keys"] : sub === "reject" ? ["--reason", "ok"] : []),
      ],
      names: "'id'",
    })),
  fc
    .tuple(
      fc.constantFrom("approve", "reject"),
      fc.array(fc.constantFrom("1001", "1004"), { maxLength: 2 }),
      fc
        .string({ maxLength: 16 })
        .filter((s) => s.split(",").some((p) => !/^\d{1,15}$/.test(p.trim()) || Number(p) < 1)),
    )
    .map(([sub, good, bad]) => ({
      argv: [
        "requests",
        sub,
        "RID",
        ...good.flatMap((env) => ["--env", env]),
        `--env=${bad}`,
        ...(sub === "approve" ? ["--show-keys"] : ["--reason", "ok"]),
      ],
      names: "--env",
    })),
  fc
    .string({ maxLength: 16 })
    .filter((s) => !["pending", "completed", "expired"].includes(s))
    .map((status) => ({ argv: ["requests", "list", `--status=${status}`], names: "--status" })),
  fc
    .oneof(
      withControl,
      fc.constant(""),
      fc.constant("   "),
      fc.string({ minLength: 501, maxLength: 600 }).filter((s) => s.trim().length > 500),
    )
    .map((reason) => ({
      argv: ["requests", "reject", "RID", `--reason=${reason}`],
      names: "--reason",
    })),
);

describe("pcx requests flags, fuzzed", () => {
  it("a bad value is exit 2 naming the flag, no stack trace, nothing decided", async () => {
    await fc.assert(
      fc.asyncProperty(badArgv, fc.boolean(), async ({ argv, names }, json) => {
        const args = argv.map((arg) => (arg === "RID" ? String(rid) : arg));
        const run = await world.run(json ? [...args, "--json"] : args);
        expect(run.code).toBe(2);
        const message = json
          ? (run.json() as { error: { message: string } }).error.message
          : run.stderr;
        expect(message).toContain(names);
        expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 3_000 },
    );
    const show = await world.run(["requests", "show", String(rid), "--json"]);
    expect(show.json()).toMatchObject({
      status: "PENDING",
      environments: [{ status: "PENDING" }, { status: "PENDING" }],
    });
  });
});
