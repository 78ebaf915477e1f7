// docs/getting-started.md, run as a reader would: its shell lines through the
// CLI (in process) against a real sandbox over HTTP, its callback.mjs as a
// child process in a plain project that has @pcx/sdk installed, and the
// customer's pages driven over HTTP. A command or code change that breaks the
// page fails here.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type CliWorld, createCliWorld, customerAgent } from "@pcx/testkit";
import { afterEach, expect, it } from "vitest";
import { run } from "../../packages/cli/src/cli.js";
import {
  codeBlocks,
  fileBlock,
  freePort,
  type NodeChild,
  plainProject,
  REPO_DIR,
  shellLines,
  shellWords,
  startNode,
  waitForServer,
} from "./doc-snippets.js";

const page = readFileSync(join(REPO_DIR, "docs/getting-started.md"), "utf8");
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it("docs/getting-started.md runs as written: publish, link, callback, decide", async () => {
  const world: CliWorld = await createCliWorld(run);
  cleanups.push(() => world.close());
  const port = await freePort();
  const sandboxHost = new URL(world.sandbox.url).host;
  /** The page's addresses, pointed at this test's sandbox and callback port. */
  const local = (text: string) =>
    text
      .replaceAll("127.0.0.1:4010", sandboxHost)
      .replaceAll("127.0.0.1:3000", `127.0.0.1:${port}`);

  const blocks = codeBlocks(page);
  const project = plainProject(
    { "@pcx/sdk": join(REPO_DIR, "packages/sdk") },
    { "callback.mjs": fileBlock(blocks, "callback.mjs") },
  );
  cleanups.push(() => project.cleanup());
  const yaml = blocks.find((b) => b.lang === "yaml")?.code;

  const env: NodeJS.ProcessEnv = {};
  let link = "";
  let callback: NodeChild | undefined;
  let approved: string[] = [];
  const ran: string[] = [];
  for (const block of blocks.filter((b) => b.lang === "sh")) {
    for (const line of shellLines(local(block.code))) {
      ran.push(line);
      const words = shellWords(line);
      if (words[0] === "npm") continue; // the test's project has the packages already
      if (line === "pcx sandbox") continue; // the test's sandbox runs already
      if (words[0] === "export") {
        const [name, value = ""] = (words[1] ?? "").split(/=(.*)/s);
        env[name!] =
          value === "$(openssl rand -base64 32)" ? randomBytes(32).toString("base64") : value;
        continue;
      }
      if (words[0] === "pcx") {
        const result = await world.run(words.slice(1), { cwd: project.dir, env });
        expect(result.code, `${line}\n${result.stderr}`).toBe(0);
        if (words[1] === "link") link = result.stdout.split("\n")[0]!;
        if (words[1] === "init") {
          // The file the page shows is the file pcx init writes.
          expect(readFileSync(join(project.dir, "pcx.integration.yaml"), "utf8")).toBe(
            local(yaml!),
          );
        }
        if (words[1] === "status") expect(result.stdout).toMatch(/1, approved/);
        if (words[1] === "activations") {
          expect(callback, "pcx activations comes after the callback ran").toBeDefined();
          for (const name of approved) expect(result.stdout).toContain(name);
        }
        continue;
      }
      if (words[0] === "curl") {
        const url = words.find((w) => w.startsWith("http://"))!;
        const body = words[words.indexOf("-d") + 1]!;
        const answer = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        expect(answer.status, await answer.text()).toBeLessThan(300);
        continue;
      }
      const node = /^(\w+)=(\S+) node callback\.mjs$/.exec(line);
      if (node) {
        callback = startNode(["callback.mjs"], project.dir, {
          ...process.env,
          ...world.env,
          ...env,
          [node[1]!]: node[2],
          PORT: String(port),
        });
        cleanups.push(() => callback?.stop());
        await waitForServer(`http://127.0.0.1:${port}/procountor/callback`, callback);
        await activateAsTheCustomer();
        continue;
      }
      throw new Error(`getting-started.md has a command this test does not know: ${line}`);
    }
  }
  expect(ran).toContain("pcx define --yes");
  expect(callback, "the page starts callback.mjs").toBeDefined();

  // Step 6, in the browser: the customer follows the link and the hand-off to the callback.
  async function activateAsTheCustomer() {
    const state = new URL(link).searchParams.get("state");
    expect(state, link).toBeTruthy();
    const customer = customerAgent(world.sandbox.url);
    await customer.signIn();
    const requestId = await customer.activate(1, [1001, 1004, 1005], state!);
    const handoff = await customer.callbackHref(requestId);
    expect(handoff.startsWith(`http://127.0.0.1:${port}/procountor/callback?`)).toBe(true);
    const answer = await fetch(handoff, { redirect: "manual" });
    expect(answer.status, callback!.output()).toBe(200);
    const request = world.sandbox.engine.getRequest(requestId);
    // callback.mjs's rule: companies whose name ends in " Oy" are rejected.
    for (const env of request.environments) {
      expect(env.status, env.name).toBe(env.name.endsWith(" Oy") ? "REJECTED" : "APPROVED");
    }
    approved = request.environments.filter((e) => e.status === "APPROVED").map((e) => e.name);
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.length).toBeLessThan(3);
    expect(await customer.statusText(requestId)).toContain("Acme serves sole traders only.");
    expect(callback!.output()).toContain("from customer cust-42");
  }
});
