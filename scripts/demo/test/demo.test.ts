// The README's first line, in process: the demo's whole run against the real
// sandbox, the Express example backend on a SQLite file and the customer
// pages over HTTP; its account must state each environment's outcome.
import { afterEach, expect, it } from "vitest";
import { finalAccount } from "../src/account.js";
import { createReporter } from "../src/reporter.js";
import { type DemoRun, PICKS, runDemo } from "../src/run-demo.js";

let run: DemoRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

it("approves two environments, rejects one with the backend's reason and refuses one pick for the limit", async () => {
  let output = "";
  const reporter = createReporter({ write: (text) => (output += text), interactive: false });
  run = await runDemo(reporter);
  const lines = finalAccount(run.outcomes);
  output += lines.join("\n");

  expect(lines).toEqual([
    "",
    "Final status per environment:",
    "  Kinnusen Metsäpalvelu Oy (1139638-9): approved",
    "  Järvisen Ohjelmistotalo Oy (1688576-3): approved",
    '  Niemen Leipomo Oy (1982927-3): rejected: "This company has no Acme Shop account yet. Sign up at https://acme.example/signup with the same business id, then activate the integration again."',
    "  Salmisen Metsäpalvelu Ay (1267444-0): refused for the limit (at most 3 environments at once, so the customer left it out)",
  ]);
  expect(PICKS).toHaveLength(3);
  // Each step is told, in order, as plain lines (no spinner without a terminal).
  const steps = output.split("\n").filter((line) => /^\d+\. /.test(line));
  expect(steps.map((line) => line.slice(0, 3))).toEqual([
    "1. ",
    "2. ",
    "3. ",
    "4. ",
    "5. ",
    "6. ",
    "7. ",
  ]);
  expect(output).toContain("You picked 4 environments");
  expect(output).toContain("Niemen Leipomo Oy Rejected");
  expect(output).not.toContain("\u001b");
  expect(output).not.toContain("⠋");
  // No secret reaches the account: not the sandbox's client secret or API key, no technical user's key.
  expect(output).not.toContain("pcx-sandbox-secret");
  expect(output).not.toContain("pcx-sandbox-api-key");
  expect(output).not.toMatch(/apiKey|"key"/i);

  // --open: a fresh link for a person, on the still running sandbox.
  const link = await run.newLink();
  expect(link.startsWith(`${run.sandboxUrl}/activate/1?state=`)).toBe(true);
  const page = await fetch(link, { redirect: "manual" });
  expect(page.status).toBeLessThan(400);
});
