// The interactive review of pcx requests (a terminal), in process with the
// prompts mocked, against the real sandbox.
import { PassThrough } from "node:stream";
import { DEMO_USER } from "@pcx/sandbox";
import type { CliWorld } from "@pcx/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import review from "../src/commands/requests-review.js";
import { createContext } from "../src/context.js";
import { askCheckbox, askSelect, askText } from "../src/io/prompts.js";
import { createDefinedWorld } from "./pcx-harness.js";

vi.mock("../src/io/prompts.js", () => ({
  askText: vi.fn(),
  askConfirm: vi.fn(),
  askSecret: vi.fn(),
  askSelect: vi.fn(),
  askCheckbox: vi.fn(),
}));

let world: CliWorld;
let id: number;
beforeAll(async () => {
  ({ world, integrationId: id } = await createDefinedWorld());
});
afterAll(() => world?.close());
beforeEach(() => {
  for (const fn of [askText, askSelect, askCheckbox]) vi.mocked(fn).mockReset();
});

function terminal() {
  const stream = () => Object.assign(new PassThrough(), { isTTY: true });
  return createContext(
    {},
    {
      argv: [],
      env: { ...world.env, NO_COLOR: "1" },
      cwd: world.workDir,
      stdin: stream(),
      stdout: stream(),
      stderr: stream(),
    },
  );
}

function pending(companyIds: number[]): number {
  return world.sandbox.engine.startActivation({
    userId: DEMO_USER.id,
    integrationId: id,
    companyIds,
    state: null,
  }).request.id;
}

describe("pcx requests on a terminal", () => {
  it("pick a request, untick one environment, reject it with the reason asked for", async () => {
    const rid = pending([1001, 1004]);
    vi.mocked(askSelect).mockResolvedValueOnce(String(rid)).mockResolvedValueOnce("reject");
    vi.mocked(askCheckbox).mockResolvedValueOnce(["1004"]);
    vi.mocked(askText).mockResolvedValueOnce("Not a customer of ours.");
    const result = await review.run({ integration: id, showKeys: false }, terminal());
    expect(result.result?.environments).toEqual([
      expect.objectContaining({ companyId: 1001, outcome: "deferred" }),
      expect.objectContaining({
        companyId: 1004,
        outcome: "rejected",
        reason: "Not a customer of ours.",
      }),
    ]);
    // The checkbox offered both pending environments, ticked.
    const [, choices, checked] = vi.mocked(askCheckbox).mock.calls[0] ?? [];
    expect(choices?.map((c) => c.value)).toEqual(["1001", "1004"]);
    expect(checked).toEqual(["1001", "1004"]);
    // The reason prompt refuses control characters.
    const question = vi.mocked(askText).mock.calls[0]?.[0];
    expect(question?.validate?.("bad\u001b[2Jreason")).not.toBe(true);
  });

  it("approve without a store is refused before anything is decided; with --show-keys it approves", async () => {
    const rid = pending([1002]);
    vi.mocked(askSelect).mockResolvedValueOnce(String(rid)).mockResolvedValueOnce("approve");
    vi.mocked(askCheckbox).mockResolvedValueOnce(["1002"]);
    await expect(
      review.run({ integration: id, showKeys: false }, terminal()),
    ).rejects.toMatchObject({ code: "pcx_usage" });
    const still = await world.run(["requests", "show", String(rid), "--json"]);
    expect((still.json() as { status: string }).status).toBe("PENDING");

    vi.mocked(askSelect).mockResolvedValueOnce(String(rid)).mockResolvedValueOnce("approve");
    vi.mocked(askCheckbox).mockResolvedValueOnce(["1002"]);
    const result = await review.run({ integration: id, showKeys: true }, terminal());
    expect(result.result?.environments[0]).toMatchObject({ companyId: 1002, outcome: "approved" });
    expect(result.result?.credentials).toHaveLength(1);
  });
});
