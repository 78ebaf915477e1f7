// The demo's reporter: plain lines without a terminal, a spinner with one,
// and a failed step said as failed before the error goes on.
import { expect, it } from "vitest";
import { createReporter, isInteractive } from "../src/reporter.js";

it("writes plain numbered steps and their notes without a terminal", async () => {
  let out = "";
  const reporter = createReporter({ write: (text) => (out += text), interactive: false });
  const value = await reporter.step("first", async (note) => {
    note("a note");
    return 42;
  });
  expect(value).toBe(42);
  await expect(
    reporter.step("second", async () => {
      throw new Error("boom");
    }),
  ).rejects.toThrow("boom");
  expect(out).toBe("1. first\n     a note\n2. second: failed\n");
});

it("shows a spinner on a terminal and clears it when the step ends", async () => {
  let out = "";
  const reporter = createReporter({ write: (text) => (out += text), interactive: true });
  await reporter.step("slow", () => new Promise((resolve) => setTimeout(resolve, 200)));
  expect(out.startsWith("⠋ 1. slow")).toBe(true);
  expect(out).toMatch(/\r[⠙⠹⠸⠼] 1\. slow/);
  expect(out.endsWith("\r\x1b[2K✔ 1. slow\n")).toBe(true);
});

it("uses a spinner only on a terminal outside CI", () => {
  const tty = { isTTY: true } as NodeJS.WriteStream;
  const pipe = { isTTY: false } as unknown as NodeJS.WriteStream;
  expect(isInteractive(tty, {})).toBe(true);
  expect(isInteractive(tty, { CI: "true" })).toBe(false);
  expect(isInteractive(tty, { TERM: "dumb" })).toBe(false);
  expect(isInteractive(pipe, {})).toBe(false);
});
