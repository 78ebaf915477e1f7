// The interactive paths (a terminal) of login and define, in process with
// the prompts mocked, against the real sandbox.
import { PassThrough } from "node:stream";
import { DEMO_CREDENTIALS, type RunningSandbox, startSandbox } from "@pcx/sandbox";
import { CLEAN_PCX_ENV, tempDir } from "@pcx/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import define from "../src/commands/define.js";
import login from "../src/commands/login.js";
import { createContext } from "../src/context.js";
import { askConfirm, askSecret, askText } from "../src/io/prompts.js";
import { definitionYaml } from "./definition-files.js";

vi.mock("../src/io/prompts.js", () => ({
  askText: vi.fn(),
  askConfirm: vi.fn(),
  askSecret: vi.fn(),
  askSelect: vi.fn(),
}));

let sandbox: RunningSandbox;
let config: ReturnType<typeof tempDir>;
let work: ReturnType<typeof tempDir>;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  config = tempDir();
  work = tempDir({ "pcx.integration.yaml": definitionYaml() });
});
afterAll(async () => {
  await sandbox?.close();
  config?.cleanup();
  work?.cleanup();
});
beforeEach(() => {
  for (const fn of [askText, askConfirm, askSecret]) vi.mocked(fn).mockReset();
});

function terminal(profile: string) {
  let out = "";
  const stream = () => Object.assign(new PassThrough(), { isTTY: true });
  const stdout = stream();
  stdout.on("data", (chunk) => {
    out += String(chunk);
  });
  const ctx = createContext(
    { profile, baseUrl: sandbox.apiBaseUrl },
    {
      argv: [],
      env: { ...CLEAN_PCX_ENV, PCX_CONFIG_DIR: config.dir, NO_COLOR: "1" },
      cwd: work.dir,
      stdin: stream(),
      stdout,
      stderr: stream(),
    },
  );
  return { ctx, stdout: () => out };
}

describe("on a terminal", () => {
  it("pcx login asks for the client id and, without echo, for the secret and the API key", async () => {
    vi.mocked(askText).mockResolvedValue(DEMO_CREDENTIALS.clientId);
    vi.mocked(askSecret).mockImplementation(async (message) =>
      message.startsWith("Client secret") ? DEMO_CREDENTIALS.clientSecret : DEMO_CREDENTIALS.apiKey,
    );
    const { ctx } = terminal("acme");
    const result = await login.run({}, ctx);
    expect(result).toMatchObject({ profile: "acme", verified: true, default: true });
    expect(vi.mocked(askText).mock.calls.map(([q]) => q.message)).toEqual(["API client id"]);
    expect(vi.mocked(askSecret).mock.calls.map(([m]) => m)).toEqual([
      "Client secret (not shown)",
      "API key (not shown)",
    ]);
  });

  it("pcx define shows the plan and asks; no submits nothing, yes submits", async () => {
    vi.mocked(askConfirm).mockResolvedValueOnce(false);
    const first = terminal("acme");
    const declined = await define.run({}, first.ctx);
    expect(declined).toMatchObject({ declined: true, applied: false, plan: { action: "create" } });
    expect(first.stdout()).toContain('Plan: create integration "Acme Invoice Sync"');
    expect(vi.mocked(askConfirm).mock.calls[0]?.[0]).toBe(
      'Create "Acme Invoice Sync" and submit it for review?',
    );
    expect(await define.render(declined, first.ctx)).toBe("Nothing submitted.");
    expect(sandbox.engine.dumpState().integrations).toEqual([]);

    vi.mocked(askConfirm).mockResolvedValueOnce(true);
    const second = terminal("acme");
    const applied = await define.run({}, second.ctx);
    expect(applied).toMatchObject({
      applied: true,
      result: { version: 1, reviewState: "IN_REVIEW" },
    });
    expect(sandbox.engine.dumpState().integrations).toHaveLength(1);
  });
});
