import { captureStream } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { colorEnabled, createOutput } from "./output.js";

describe("colorEnabled", () => {
  it("is on for a TTY, off for pipes, --no-color, NO_COLOR and TERM=dumb; FORCE_COLOR forces it", () => {
    expect(colorEnabled({ isTTY: true }, { env: {} })).toBe(true);
    expect(colorEnabled({ isTTY: false }, { env: {} })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { env: {}, color: false })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { env: { NO_COLOR: "1" } })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { env: { TERM: "dumb" } })).toBe(false);
    expect(colorEnabled({ isTTY: false }, { env: { FORCE_COLOR: "1" } })).toBe(true);
    expect(colorEnabled({ isTTY: false }, { env: { FORCE_COLOR: "1" }, color: false })).toBe(false);
  });
});

describe("createOutput", () => {
  it("in --json mode keeps stdout for the one document and sends text to stderr", async () => {
    const out = captureStream();
    const err = captureStream();
    const output = createOutput({ stdout: out.stream, stderr: err.stream, json: true, env: {} });
    output.stdout("progress");
    output.writeJson({ ok: true });
    expect(() => output.writeJson({ again: true })).toThrow(/second JSON document/);
    await new Promise((r) => setImmediate(r));
    expect(JSON.parse(out.text())).toEqual({ ok: true });
    expect(err.text()).toBe("progress\n");
  });

  it("paints with colour only when enabled", async () => {
    const plain = createOutput({
      stdout: captureStream(true).stream,
      stderr: captureStream().stream,
      env: { NO_COLOR: "1" },
    });
    expect((await plain.paint()).red("x")).toBe("x");
    const colored = createOutput({
      stdout: captureStream(true).stream,
      stderr: captureStream().stream,
      env: {},
    });
    expect((await colored.paint()).red("x")).not.toBe("x");
    expect((await colored.paint("stderr")).red("x")).toBe("x");
  });
});
