import { expect, it } from "vitest";
import { jsonResponse, SandboxError, type SandboxHandler } from "../src/index.js";
import { sandbox } from "./helpers.js";

it("mounts extra handlers after /api and /sandbox, from options and with use()", async () => {
  const seen: string[] = [];
  const pages: SandboxHandler = {
    name: "pages",
    prefix: "/",
    handle({ url, engine, publicUrl }) {
      seen.push(url.pathname);
      if (url.pathname === "/boom")
        throw new SandboxError(409, "ALREADY_DECIDED", "A page refused.");
      return new Response(`<p>${engine.listUsers().length} users at ${publicUrl}</p>`, {
        headers: { "content-type": "text/html" },
      });
    },
  };
  const s = await sandbox({ handlers: [pages] });
  const page = await fetch(`${s.url}/activate/1`);
  expect(await page.text()).toBe(`<p>3 users at ${s.url}</p>`);
  const api = await fetch(`${s.apiBaseUrl}/integrations`);
  expect(api.status).toBe(401);
  const boom = await fetch(`${s.url}/boom`);
  expect(boom.status).toBe(409);
  expect(await boom.json()).toEqual({
    errors: [{ field: null, message: "A page refused.", code: "ALREADY_DECIDED" }],
  });
  expect(seen).toEqual(["/activate/1", "/boom"]);

  const late = await sandbox();
  late.use({
    name: "late",
    prefix: "/late",
    handle: () => jsonResponse(200, { ok: true }),
  });
  expect(await (await fetch(`${late.url}/late/x`)).json()).toEqual({ ok: true });
  expect((await fetch(`${late.url}/latex`)).status).toBe(404);
});
