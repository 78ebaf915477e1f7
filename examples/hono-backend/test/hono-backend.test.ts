// examples/hono-backend against the real sandbox: the callback defers to the
// backend's own contract form; submitting it completes the request, approved
// with a contract number and rejected with the example's reason without one.
import { type ExampleWorld, exampleBackendWorld } from "@pcx/testkit/sandbox";
import fc from "fast-check";
import { afterEach, expect, it } from "vitest";
import { startBackend } from "../src/backend.js";
import { NO_CONTRACT } from "../src/pages.js";

let world: ExampleWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const post = (url: URL, form: Record<string, string>) =>
  fetch(url, { method: "POST", body: new URLSearchParams(form), redirect: "manual" });

/** The customer's hand-off to the callback, which defers to the contract form; returns its URL. */
async function handOff(w: ExampleWorld, companyIds: number[]) {
  const { requestId, callbackUrl } = await w.activate(companyIds);
  const answer = await fetch(callbackUrl, { redirect: "manual" });
  expect(answer.status, w.logged.join("\n")).toBe(303);
  const form = new URL(answer.headers.get("location") ?? "", w.backend.url);
  expect(form.pathname).toMatch(/^\/contract\/[0-9a-f-]{36}$/);
  const statuses = () => w.sandbox.engine.getRequest(requestId).environments.map((e) => e.status);
  expect(statuses()).toEqual(companyIds.map(() => "PENDING"));
  return { requestId, form, statuses };
}

it("defers to its contract form, asks again for a malformed number, and approves with a good one", async () => {
  world = await exampleBackendWorld(
    startBackend,
    new URL("../pcx.integration.yaml", import.meta.url),
  );
  const { requestId, form, statuses } = await handOff(world, [1001, 1005]);

  const page = await fetch(form);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain("Kinnusen Metsäpalvelu Oy (1139638-9)");
  expect(html).toContain('name="contract"');

  const malformed = await post(form, { contract: "12345", answer: "contract" });
  expect(malformed.status).toBe(422);
  expect(await malformed.text()).toContain("A contract number looks like AC-12345.");
  expect(statuses()).toEqual(["PENDING", "PENDING"]);
  expect(world.decided).toEqual([]);

  const done = await post(form, { contract: "AC-12345", answer: "contract" });
  expect(done.status).toBe(200);
  expect(await done.text()).toContain("Kinnusen Metsäpalvelu Oy: connected");
  expect(statuses()).toEqual(["APPROVED", "APPROVED"]);
  expect(await world.customer.statusText(requestId)).toMatch(/Niemen Leipomo Oy.*?Approved/);
  expect(world.decided.map((r) => r.environments.map((e) => e.outcome))).toEqual([
    ["approved", "approved"],
  ]);
  // The form is used up.
  expect((await fetch(form)).status).toBe(404);
});

it("rejects with its reason when the customer has no contract", async () => {
  world = await exampleBackendWorld(
    startBackend,
    new URL("../pcx.integration.yaml", import.meta.url),
  );
  const { requestId, form, statuses } = await handOff(world, [1004]);
  const done = await post(form, { contract: "", answer: "none" });
  expect(done.status).toBe(200);
  expect(statuses()).toEqual(["REJECTED"]);
  expect(await world.customer.statusText(requestId)).toContain(
    `Salmisen Metsäpalvelu Ay 1267444-0 Rejected Reason: ${NO_CONTRACT}`,
  );
  expect(world.logged).toEqual([]);
});

it("fuzz: a form post that is not a contract number or a refusal decides nothing, and nothing is a 5xx", async () => {
  world = await exampleBackendWorld(
    startBackend,
    new URL("../pcx.integration.yaml", import.meta.url),
  );
  const { form, statuses } = await handOff(world, [1001]);
  const decides = (fields: Record<string, string>) =>
    fields.answer === "none" || /^AC-\d{5}$/.test((fields.contract ?? "").trim());
  const fields = fc
    .dictionary(
      fc.constantFrom("contract", "answer", "other"),
      fc.oneof(fc.string(), fc.constantFrom("none", "AC-1234", " AC-123456")),
    )
    .filter((f) => !decides(f));
  const raw = fc.record({
    type: fc.constantFrom(
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "multipart/form-data",
      "text/plain",
      "application/json",
    ),
    body: fc.string(),
  });
  await fc.assert(
    fc.asyncProperty(fc.oneof(fields, raw), fc.boolean(), async (input, otherTicket) => {
      const url = otherTicket ? new URL("/contract/not-a-ticket", form) : form;
      const res =
        "type" in input && typeof input.type === "string" && "body" in input
          ? await fetch(url, {
              method: "POST",
              headers: { "content-type": input.type },
              body: input.body,
            })
          : await post(url, input as Record<string, string>);
      await res.arrayBuffer();
      expect(res.status, JSON.stringify(input)).toBeLessThan(500);
      expect(res.status).toBe(otherTicket ? 404 : 422);
    }),
    { numRuns: 200, interruptAfterTimeLimit: 2_000 },
  );
  expect(statuses()).toEqual(["PENDING"]);
  expect(world.decided).toEqual([]);
});
