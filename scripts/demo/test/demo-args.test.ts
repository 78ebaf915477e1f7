// The demo's command line, including arbitrary input (fast-check, bounded).
import fc from "fast-check";
import { expect, it } from "vitest";
import { parseDemoArgs } from "../src/demo-args.js";

it("runs, opens, helps, and refuses anything else by name", () => {
  expect(parseDemoArgs([])).toEqual({ kind: "run", open: false });
  expect(parseDemoArgs(["--open"])).toEqual({ kind: "run", open: true });
  expect(parseDemoArgs(["-h"])).toEqual({ kind: "help" });
  expect(parseDemoArgs(["--open", "--opne"])).toEqual({
    kind: "usage-error",
    message: 'unknown argument "--opne": the demo takes --open or --help',
  });
});

it("never throws, and names an unknown argument escaped and at most 40 characters long", () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: "binary", maxLength: 80 }), { maxLength: 5 }),
      (args) => {
        const parsed = parseDemoArgs(args);
        const known = args.every((arg) => ["--open", "--help", "-h"].includes(arg));
        expect(parsed.kind === "usage-error").toBe(!known);
        if (parsed.kind === "usage-error") {
          expect([...parsed.message].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
          expect(parsed.message.length).toBeLessThan(40 * 6 + 60);
        }
      },
    ),
    { numRuns: 300, interruptAfterTimeLimit: 2000 },
  );
});
