import { captureStream, UNSAFE_TERMINAL_TEXT } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { createOutput, jsonForTerminal } from "./output.js";
import { escapeForStream, terminalSafe } from "./terminal-safe.js";

const RETITLE_AND_CLEAR = "\x1b]0;pwned\x07\x1b[2J";

describe("terminalSafe", () => {
  it("escapes every string of a result, keys too, and copies only arrays and plain objects", () => {
    const date = new Date(0);
    const input = {
      name: `Acme${RETITLE_AND_CLEAR}`,
      list: ["ok", "\u202eevil"],
      nested: { "key\x1b": 1, lines: "one\ntwo" },
      date,
    };
    const safe = terminalSafe(input);
    expect(safe).toEqual({
      name: "Acme\\x1b]0;pwned\\x07\\x1b[2J",
      list: ["ok", "\\u202eevil"],
      nested: { "key\\x1b": 1, lines: "one\ntwo" },
      date,
    });
    expect(safe.date).toBe(date);
    expect(input.name).toBe(`Acme${RETITLE_AND_CLEAR}`);
  });

  it("keeps a '__proto__' key a plain key and survives cycles", () => {
    const input = JSON.parse('{"__proto__": {"polluted": "\\u001b[2J"}}') as Record<
      string,
      unknown
    >;
    input.self = input;
    const safe = terminalSafe(input) as Record<string, unknown>;
    expect(Object.hasOwn(safe, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(safe)).toBe(Object.prototype);
    expect(safe.self).toBe(safe);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("escapeForStream", () => {
  it("with colour on keeps SGR colour sequences and escapes every other sequence", () => {
    const text = `\x1b[31merror:\x1b[39m ${RETITLE_AND_CLEAR}\x1b[1;32mok\x1b[0m`;
    expect(escapeForStream(text, true)).toBe(
      "\x1b[31merror:\x1b[39m \\x1b]0;pwned\\x07\\x1b[2J\x1b[1;32mok\x1b[0m",
    );
  });

  it("with colour off escapes every ESC, SGR included", () => {
    const safe = escapeForStream(`\x1b[31mred\x1b[39m ${RETITLE_AND_CLEAR}`, false);
    expect(safe).toBe("\\x1b[31mred\\x1b[39m \\x1b]0;pwned\\x07\\x1b[2J");
    expect(safe).not.toMatch(UNSAFE_TERMINAL_TEXT);
  });
});

describe("Output writes", () => {
  it("stdout and stderr never carry a raw escape sequence, NUL or bidi control", async () => {
    const out = captureStream();
    const err = captureStream();
    const output = createOutput({ stdout: out.stream, stderr: err.stream, env: {} });
    output.stdout(`result ${RETITLE_AND_CLEAR}\x00\u202e`);
    output.stderr(`note \x9b2J\x7f`);
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toBe("result \\x1b]0;pwned\\x07\\x1b[2J\\x00\\u202e\n");
    expect(err.text()).toBe("note \\x9b2J\\x7f\n");
  });

  it("--json stays exact JSON: DEL, C1 and bidi controls become \\u escapes that parse back to the same value", async () => {
    const document = { message: `x${RETITLE_AND_CLEAR}\x00\x7f\x9b\u202e\u2066y` };
    const text = jsonForTerminal(document);
    expect(text).not.toMatch(UNSAFE_TERMINAL_TEXT);
    expect(JSON.parse(text)).toEqual(document);
    const out = captureStream();
    const output = createOutput({
      stdout: out.stream,
      stderr: captureStream().stream,
      json: true,
      env: {},
    });
    output.writeJson(document);
    await new Promise((r) => setImmediate(r));
    expect(JSON.parse(out.text())).toEqual(document);
  });
});
