import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, pcx } from "./run-pcx.js";

const { version } = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
) as { version: string };

beforeAll(assertBuilt);

describe("pcx skeleton", () => {
  it("--version prints the package version and nothing else", () => {
    const run = pcx(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
    expect(run.stderr).toBe("");
    expect(pcx(["-V"]).stdout).toBe(`${version}\n`);
  });

  it("--help lists the commands, global flags and exit codes on stdout", () => {
    const run = pcx(["--help"]);
    expect(run.code).toBe(0);
    for (const text of [
      "init",
      "validate",
      "diff",
      "--json",
      "--profile",
      "--base-url",
      "--no-color",
      "--yes",
      "--verbose",
      "Exit codes",
    ]) {
      expect(run.stdout).toContain(text);
    }
    expect(run.stderr).toBe("");
  });

  it("help for a command, both ways, exits 0", () => {
    for (const args of [
      ["validate", "--help"],
      ["help", "validate"],
    ]) {
      const run = pcx(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Usage: pcx validate");
    }
    expect(pcx(["init", "--help"]).stdout).toContain("--max-activations");
  });

  it("--version and --help load none of zod, yaml, conf, undici, inquirer, chalk", () => {
    const hooks = new URL("./fixtures/log-loads.mjs", import.meta.url).href;
    for (const flag of ["--version", "--help"]) {
      const run = pcx([flag], { nodeOptions: [`--import=${hooks}`] });
      expect(run.code).toBe(0);
      const loaded = run.stderr.split("\n").filter((line) => line.startsWith("pcx-load "));
      // The hook works: it saw the bin itself.
      expect(loaded.some((line) => line.includes("/dist/pcx.js"))).toBe(true);
      const thirdParty = loaded.filter((line) => line.includes("/node_modules/"));
      expect(thirdParty).toEqual([]);
      // Only the entry and (for --help) the cli chunk: no command chunk, no SDK chunk.
      const chunks = loaded
        .filter((line) => line.includes("/dist/"))
        .map((l) => l.replace(/.*\/dist\//, ""));
      expect(chunks.filter((c) => !/^(pcx|cli-[\w-]+|chunk-[\w-]+)\.js$/.test(c))).toEqual([]);
    }
  });

  it("an unknown command is a usage error (2) with a suggestion", () => {
    const run = pcx(["valdate"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error: unknown command 'valdate'/);
    expect(run.stderr).toContain("validate");
  });

  it("an unknown flag is a usage error (2); with --json the error is the one stdout document", () => {
    const human = pcx(["validate", "--bogus"]);
    expect(human.code).toBe(2);
    expect(human.stderr).toContain("error: unknown option '--bogus'");
    expect(human.stderr).toContain('hint: Run "pcx validate --help"');

    const json = pcx(["validate", "--bogus", "--json"]);
    expect(json.code).toBe(2);
    expect(json.json()).toEqual({
      error: { code: "pcx_usage", message: "unknown option '--bogus'", hint: expect.any(String) },
    });
  });

  it("no command is a usage error (2), help on stderr", () => {
    const run = pcx([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Usage: pcx");
    expect(run.stderr).toContain("error: Missing command.");
  });

  it("excess arguments are a usage error (2)", () => {
    expect(pcx(["validate", "a.yaml", "b.yaml"]).code).toBe(2);
  });
});
