import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createContext } from "../context.js";
import { askConfirm, askSelect, askText, type TextQuestion } from "../io/prompts.js";
import init, { parseRight } from "./init.js";

vi.mock("../io/prompts.js", () => ({
  askText: vi.fn(),
  askConfirm: vi.fn(),
  askSelect: vi.fn(),
}));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pcx-init-"));
  vi.mocked(askText).mockReset();
  vi.mocked(askConfirm).mockReset();
  vi.mocked(askSelect).mockReset();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function context(tty: boolean) {
  const stream = () => Object.assign(new PassThrough(), { isTTY: tty });
  return createContext(
    {},
    { argv: [], env: {}, cwd: dir, stdin: stream(), stdout: stream(), stderr: stream() },
  );
}

describe("pcx init, interactive (prompts mocked)", () => {
  it("asks only for what the flags did not give, then writes a valid file", async () => {
    const answers: Record<string, string> = {
      "One-sentence description": "Sends sales invoices from Acme Shop to Procountor.",
      "Callback URL": "https://acme.example/callback",
      "Privacy policy URL": "https://acme.example/privacy",
      "Terms of service URL": "https://acme.example/terms",
      "Support URL": "https://acme.example/support",
      "Why does the integration need it?": "Creates sales invoices from shop orders.",
      "Cap on environments": "",
    };
    const questions: TextQuestion[] = [];
    vi.mocked(askText).mockImplementation(async (question) => {
      questions.push(question);
      if (question.message.startsWith("Technical user's username")) return question.default ?? "";
      const key = Object.keys(answers).find((k) => question.message.startsWith(k));
      if (!key) throw new Error(`unexpected question: ${question.message}`);
      return answers[key]!;
    });
    vi.mocked(askSelect).mockImplementation(async (message, choices) => {
      if (message === "Level") return "all";
      // The rights come from the SDK's catalogue.
      expect(choices.map((c) => c.value)).toContain("business-partners");
      return "sales-invoices";
    });
    vi.mocked(askConfirm).mockResolvedValue(false);

    const result = await init.run({ name: "Acme Invoice Sync" }, context(true));

    expect(questions.map((q) => q.message)).not.toContain(
      expect.stringContaining("Integration name"),
    );
    expect(questions).toHaveLength(8);
    expect(askSelect).toHaveBeenCalledTimes(2);
    // The username defaults to a slug of the name.
    expect(questions.find((q) => q.message.startsWith("Technical user's"))?.default).toBe(
      "acme-invoice-sync",
    );
    // Answers are checked with the SDK's rules as they are typed.
    const callback = questions.find((q) => q.message.startsWith("Callback URL"))!;
    expect(callback.validate?.("http://acme.example/callback")).toMatch(/https/);
    expect(callback.validate?.("https://acme.example/callback")).toBe(true);

    expect(result.file).toBe("pcx.integration.yaml");
    expect(result.definition.technicalUser.rights).toEqual([
      {
        right: "sales-invoices",
        level: "all",
        purpose: "Creates sales invoices from shop orders.",
      },
    ]);
    expect(result.definition.maxConcurrentActivations).toBeUndefined();
    const text = readFileSync(join(dir, "pcx.integration.yaml"), "utf8");
    expect(text).toContain("username: acme-invoice-sync");
  });

  it("never prompts without a TTY: lists the missing flags instead", async () => {
    await expect(init.run({ name: "Acme Invoice Sync" }, context(false))).rejects.toMatchObject({
      code: "pcx_usage",
      message: expect.stringContaining("--callback-url"),
    });
    expect(askText).not.toHaveBeenCalled();
  });
});

describe("parseRight", () => {
  it("splits key:level:purpose, keeping colons in the purpose", () => {
    expect(parseRight("products:view:Reads products: names and prices.")).toEqual({
      right: "products",
      level: "view",
      purpose: "Reads products: names and prices.",
    });
  });

  it("rejects other levels and missing parts", () => {
    for (const bad of ["products", "products:view", "products:write:Reads products."]) {
      expect(() => parseRight(bad)).toThrow(/key:level:purpose/);
    }
  });
});
