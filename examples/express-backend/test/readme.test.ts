// The README quotes src/backend.js and the shared acme-handler.js whole; the
// quotes must not drift from the code.
import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";

it("quotes src/backend.js exactly", async () => {
  const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
  const source = await readFile(new URL("../src/backend.js", import.meta.url), "utf8");
  const quoted = /<!-- backend\.js:[^>]*-->\s*```js\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(quoted).toBe(source);
});

it("quotes sandbox-setup's acme-handler.js exactly", async () => {
  const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
  const source = await readFile(
    new URL("../../sandbox-setup/src/acme-handler.js", import.meta.url),
    "utf8",
  );
  const quoted = /<!-- acme-handler\.js:[^>]*-->\s*```js\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(quoted).toBe(source);
});
