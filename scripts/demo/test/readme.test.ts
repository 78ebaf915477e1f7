// The README quotes the demo's output and the Express example's backend (and
// its callback handler); the quotes must not drift from what the demo prints
// and from the code.
import { readFile } from "node:fs/promises";
import { afterEach, expect, it } from "vitest";
import { finalAccount } from "../src/account.js";
import { createReporter } from "../src/reporter.js";
import { type DemoRun, runDemo } from "../src/run-demo.js";

const root = new URL("../../../", import.meta.url);
const readme = () => readFile(new URL("README.md", root), "utf8");

/** The fenced block after the HTML comment that starts with `marker`. */
function quoted(text: string, marker: string, lang: string): string | undefined {
  const at = text.indexOf(`<!-- ${marker}`);
  if (at < 0) return undefined;
  return new RegExp(`-->\\s*\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(text.slice(at))?.[1];
}

let run: DemoRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

it("quotes examples/express-backend/src/backend.js exactly", async () => {
  const source = await readFile(new URL("examples/express-backend/src/backend.js", root), "utf8");
  expect(quoted(await readme(), "backend.js:", "js")).toBe(source);
});

it("quotes examples/sandbox-setup/src/acme-handler.js exactly", async () => {
  const source = await readFile(
    new URL("examples/sandbox-setup/src/acme-handler.js", root),
    "utf8",
  );
  expect(quoted(await readme(), "acme-handler.js:", "js")).toBe(source);
});

it("quotes the demo's account as the demo prints it (ports, temp dirs and times aside)", async () => {
  const block = quoted(await readme(), "demo output:", "text") ?? "";
  let output = "";
  run = await runDemo(createReporter({ write: (text) => (output += text), interactive: false }));
  output += `${finalAccount(run.outcomes).join("\n")}\n`;
  // The README's run starts with the build (step 1); the in-process run starts at the sandbox.
  const comparable = (text: string) =>
    text
      .slice(text.indexOf("Procountor's sandbox starts"), text.indexOf("Try next:"))
      .replace(/^\d+\. /gm, "")
      .replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT")
      .replace(/pcx-demo-\w+/g, "pcx-demo-DIR")
      .replace(/state=\S+/g, "state=STATE")
      .trimEnd();
  expect(block.startsWith("pcx demo:")).toBe(true);
  expect(block).toMatch(/^1\. The demo's packages build/m);
  expect(
    comparable(block),
    "README.md's demo output is stale: run `npx -y pnpm@10 demo` and paste its output from `pcx demo:` on",
  ).toBe(comparable(output));
});

it("starts with the two lines: install and demo, then the suite", async () => {
  const first = /```sh\n([\s\S]*?)```/.exec(await readme())?.[1];
  expect(first).toBe("npx -y pnpm@10 install && npx -y pnpm@10 demo\nnpx -y pnpm@10 test\n");
});
