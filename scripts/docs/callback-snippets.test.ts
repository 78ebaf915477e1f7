// docs/callback.md's framework snippets, each run as written in a plain
// project (its handler.mjs beside it, the framework from the example backends'
// installs): the server must come up and answer a bare GET of the callback
// path with the handler's own 400 page. Bun, Deno and Workers are not run:
// those runtimes are not installed here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import {
  codeBlocks,
  fileBlock,
  freePort,
  plainProject,
  REPO_DIR,
  startNode,
  waitForServer,
} from "./doc-snippets.js";

const blocks = codeBlocks(readFileSync(join(REPO_DIR, "docs/callback.md"), "utf8"));
const handler = fileBlock(blocks, "handler.mjs");
const example = (name: string, dep: string) =>
  join(REPO_DIR, "examples", name, "node_modules", dep);
const packages = {
  "@pcx/sdk": join(REPO_DIR, "packages/sdk"),
  express: example("express-backend", "express"),
  fastify: example("fastify-backend", "fastify"),
  hono: example("hono-backend", "hono"),
  "@hono/node-server": example("hono-backend", "@hono/node-server"),
};
const env = {
  PATH: process.env.PATH,
  PCX_INTEGRATION_ID: "1",
  PCX_STATE_SECRET: "a-state-secret-of-at-least-32-bytes-for-the-docs",
  // Never reached: the bare GET is refused before any API call.
  PCX_BASE_URL: "http://127.0.0.1:9/api",
};
const NOT_A_CALLBACK = "This page opens from Procountor";

/** Runs `test` with a cleanup list of its own, cleaned up when it ends. */
async function withCleanups(test: (cleanups: (() => unknown)[]) => Promise<void>): Promise<void> {
  const cleanups: (() => unknown)[] = [];
  try {
    await test(cleanups);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

it.each(["node:http", "Express (4 or 5)", "Fastify (4 or 5)", "Hono"])(
  "the %s server runs as written",
  (heading) =>
    withCleanups(async (cleanups) => {
      const port = await freePort();
      const server = fileBlock(blocks, "server.mjs", heading).replace(/\b3000\b/, String(port));
      const project = plainProject(packages, { "handler.mjs": handler, "server.mjs": server });
      cleanups.push(() => project.cleanup());
      const child = startNode(["server.mjs"], project.dir, env);
      cleanups.push(() => child.stop());
      const url = `http://127.0.0.1:${port}/procountor/callback`;
      await waitForServer(url, child);
      const answer = await fetch(url);
      expect(answer.status, child.output()).toBe(400);
      expect(await answer.text()).toContain(NOT_A_CALLBACK);
    }),
);

it("the Next.js route handler answers as written", () =>
  withCleanups(async (cleanups) => {
    const route = fileBlock(blocks, "app/procountor/callback/route.js");
    const project = plainProject(packages, {
      "handler.mjs": handler,
      "app/procountor/callback/route.js": route,
      "package.json": JSON.stringify({ type: "module" }),
    });
    cleanups.push(() => project.cleanup());
    const call = [
      'const route = await import("./app/procountor/callback/route.js");',
      'const answer = await route.GET(new Request("http://127.0.0.1/procountor/callback"));',
      "console.log(answer.status, route.dynamic, typeof route.HEAD, await answer.text());",
    ].join("\n");
    const child = startNode(["--input-type=module", "-e", call], project.dir, env);
    await new Promise((resolve) => child.child.once("exit", resolve));
    expect(child.child.exitCode, child.output()).toBe(0);
    expect(child.output()).toMatch(/^400 force-dynamic function /m);
    expect(child.output()).toContain(NOT_A_CALLBACK);
  }));
