import { captureStream } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { startSpinner } from "./spinner.js";

describe("startSpinner", () => {
  it("writes nothing when the stream is not a TTY, or in CI", async () => {
    for (const [tty, env] of [
      [false, {}],
      [true, { CI: "true" }],
    ] as const) {
      const out = captureStream(tty);
      const spinner = startSpinner("Publishing", { stream: out.stream, env });
      spinner.update("Still publishing");
      spinner.succeed("Published");
      await new Promise((r) => setImmediate(r));
      expect(out.text()).toBe("");
    }
  });

  it("on a TTY draws a frame at once, then leaves one final line", async () => {
    const out = captureStream(true);
    // The first frame is drawn at once; no waiting on the interval (tests never sleep).
    const spinner = startSpinner("Publishing", { stream: out.stream, env: {} });
    spinner.fail("Could not publish");
    spinner.succeed("ignored: already stopped");
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toContain("⠋ Publishing");
    expect(out.text().endsWith("\r\x1b[2K✖ Could not publish\n")).toBe(true);
    expect(out.text()).not.toContain("ignored");
  });
});
