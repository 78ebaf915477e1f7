import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidBusinessId } from "../src/index.js";
import { accessToken, admin, client, publishedIntegration, sandbox } from "./helpers.js";

describe("POST /sandbox/customers (load tests' customers)", () => {
  it("creates a customer whose fresh environments are all selectable, and requests can start there", async () => {
    const s = await sandbox();
    const id = await publishedIntegration(s, client(s, await accessToken(s)));
    // The next ids after the fixture's users and companies.
    const lastUser = Math.max(...s.engine.listUsers().map((u) => u.id));
    const known = s.engine
      .listUsers()
      .flatMap((u) => s.engine.describeEnvironments(u.id, id).map((env) => env.companyId));
    const created = await admin(s, "POST", "/customers", { companies: 3 });
    expect(created.status).toBe(201);
    const { user, companies } = created.body;
    expect(user.id).toBe(lastUser + 1);
    const first = companies[0].id as number;
    expect(first).toBeGreaterThan(Math.max(...known));
    expect(companies.map((c: { id: number }) => c.id)).toEqual([first, first + 1, first + 2]);
    for (const company of companies) expect(isValidBusinessId(company.businessId)).toBe(true);
    const envs = await admin(s, "GET", `/users/${user.id}/environments?integrationId=${id}`);
    expect(envs.body.map((e: { selectable: boolean }) => e.selectable)).toEqual([true, true, true]);
    const started = await admin(s, "POST", "/activation-requests", {
      userId: user.id,
      integrationId: id,
      companyIds: companies.map((c: { id: number }) => c.id),
    });
    expect(started.status).toBe(201);
    // A second customer gets its own environments.
    const second = await admin(s, "POST", "/customers", { companies: 1 });
    expect(second.body.companies[0].id).toBe(first + 3);
    expect(s.engine.listUsers().map((u) => u.signInName)).toContain(`customer-${lastUser + 2}`);
  });

  it("answers 201 for 1–50 environments and 400 naming `companies` for anything else, changing nothing", async () => {
    const s = await sandbox();
    const users = () => s.engine.listUsers().length;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: -5, max: 60 }),
          fc.double({ noNaN: false }),
          fc.string({ maxLength: 4 }),
          fc.constant(null),
          fc.constant(undefined),
        ),
        async (companies) => {
          const before = users();
          const answer = await admin(s, "POST", "/customers", { companies });
          const valid =
            typeof companies === "number" &&
            Number.isInteger(companies) &&
            companies >= 1 &&
            companies <= 50;
          expect(answer.status).toBe(valid ? 201 : 400);
          if (valid) expect(answer.body.companies).toHaveLength(companies as number);
          else expect(answer.body.errors[0].field).toBe("companies");
          expect(users()).toBe(before + (valid ? 1 : 0));
        },
      ),
      { numRuns: 60, interruptAfterTimeLimit: 4_000 },
    );
  });
});
