import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOCS_BASE_URL } from "@pcx/sdk/docs";
import { describe, expect, it } from "vitest";
import { ENV_VARS } from "../src/env-vars.js";
import { pcx, tempDirPerTest } from "./pcx-harness.js";

const dirWith = tempDirPerTest();

/** Every command path, from `pcx help`'s own list: ["init"], …, ["limits", "show"], ["limits", "set"]. */
const COMMANDS = [
  ["init"],
  ["validate"],
  ["diff"],
  ["define"],
  ["status"],
  ["limits"],
  ["limits", "show"],
  ["limits", "set"],
  ["link"],
  ["sandbox"],
  ["login"],
  ["logout"],
  ["profiles"],
  ["completion"],
];
const GLOBAL_FLAGS = ["--json", "--profile", "--base-url", "--no-color", "--yes", "--verbose"];

describe("pcx's command-line conventions", () => {
  it("a bare pcx prints the help on stdout and exits 0; so does a bare pcx limits", async () => {
    const cwd = dirWith();
    const bare = await pcx([], { cwd });
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^Usage: pcx \[options\] \[command\]/);
    for (const [name] of COMMANDS) expect(bare.stdout).toContain(`  ${name}`);
    expect(bare.stdout).toContain("pcx help exit-codes");
    expect(bare.stderr).toBe("");
    const limits = await pcx(["limits"], { cwd });
    expect(limits.code).toBe(0);
    expect(limits.stdout).toMatch(/^Usage: pcx limits /);
  });

  it("pcx CMD --help and pcx help CMD print that command's help, with the global flags it inherits", async () => {
    const cwd = dirWith();
    const root = (await pcx(["--help"], { cwd })).stdout;
    for (const path of COMMANDS) {
      for (const args of [
        [...path, "--help"],
        ["help", ...path],
        [...path, "-h"],
      ]) {
        const run = await pcx(args, { cwd });
        expect(run.code, args.join(" ")).toBe(0);
        expect(run.stdout, args.join(" ")).toMatch(
          new RegExp(`^Usage: pcx ${path.join(" ")}[ \\n]`),
        );
        expect(run.stdout).not.toBe(root);
        const globals = run.stdout.slice(run.stdout.indexOf("Global Options:"));
        expect(globals, args.join(" ")).not.toBe("");
        for (const flag of GLOBAL_FLAGS)
          expect(globals, `${args.join(" ")}: ${flag}`).toContain(flag);
      }
    }
  });

  it("an unknown command exits 2 and suggests the nearest, also with --help and at a second level", async () => {
    const cwd = dirWith();
    for (const [args, suggestion] of [
      [["valdate"], "validate"],
      [["limts", "show"], "limits"],
      [["stauts", "--help"], "status"],
      [["limits", "sett", "5"], "set"],
      [["limits", "shwo", "--help"], "show"],
      [["help", "valdate"], "validate"],
      [["help", "enviroment"], "environment"],
    ] as const) {
      const run = await pcx(args, { cwd });
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stdout, args.join(" ")).toBe("");
      expect(run.stderr, args.join(" ")).toMatch(/^error: unknown (command|help topic) '\w+'/);
      expect(run.stderr, args.join(" ")).toContain(`Did you mean ${suggestion}?`);
      const json = await pcx([...args, "--json"], { cwd });
      expect(json.code).toBe(2);
      expect(json.json()).toMatchObject({ error: { code: "pcx_usage", hint: expect.any(String) } });
    }
    // No suggestion for something far from every command, still exit 2.
    const far = await pcx(["qwzxvk", "--help"], { cwd });
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/^error: unknown command 'qwzxvk'/);
  });

  it("unknown flags, bad values and extra arguments are usage errors (2) naming the command's help", async () => {
    const cwd = dirWith();
    const human = await pcx(["validate", "--bogus"], { cwd });
    expect(human.code).toBe(2);
    expect(human.stderr).toContain("error: unknown option '--bogus'");
    expect(human.stderr).toContain('hint: Run "pcx validate --help"');
    const json = await pcx(["validate", "--bogus", "--json"], { cwd });
    expect(json.json()).toEqual({
      error: { code: "pcx_usage", message: "unknown option '--bogus'", hint: expect.any(String) },
    });
    expect((await pcx(["validate", "a.yaml", "b.yaml"], { cwd })).code).toBe(2);
    const limit = await pcx(["limits", "set", "0"], { cwd });
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('hint: Run "pcx limits set --help"');
  });

  it("pcx help environment lists the one list of variables; docs/cli.md and the sources use that list", async () => {
    const help = await pcx(["help", "environment"], { cwd: dirWith() });
    expect(help.code).toBe(0);
    const names = ENV_VARS.map((v) => v.name);
    for (const name of names) expect(help.stdout).toContain(name);

    // docs/cli.md's table of environment variables names exactly these.
    const doc = readFileSync(new URL("../../../docs/cli.md", import.meta.url), "utf8");
    const section = doc.slice(doc.indexOf("### Environment variables"));
    const table = section.slice(0, section.indexOf("\n#"));
    const documented = [...table.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(names));

    // Every variable the CLI's sources read is on the list.
    const src = new URL("../src/", import.meta.url);
    const read = new Set<string>();
    for (const file of readdirSync(src, { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
      const text = readFileSync(new URL(file, src), "utf8");
      for (const m of text.matchAll(
        /\benv\.([A-Z][A-Z0-9_]+)|\benv\[\s*"([A-Z][A-Z0-9_]+)"\s*\]/g,
      )) {
        read.add(m[1] ?? m[2]!);
      }
      for (const m of text.matchAll(/readEnv\([^,]+,\s*"([A-Z][A-Z0-9_]+)"\)/g)) read.add(m[1]!);
      for (const m of text.matchAll(/"(PCX_[A-Z0-9_]+)"/g)) read.add(m[1]!);
    }
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((name) => !names.includes(name as never))).toEqual([]);
  });

  it("pcx help exit-codes explains 0-4; no help text points at a repository path, only at the docs URL", async () => {
    const cwd = dirWith();
    const codes = await pcx(["help", "exit-codes"], { cwd });
    expect(codes.code).toBe(0);
    for (const code of [0, 1, 2, 3, 4])
      expect(codes.stdout).toMatch(new RegExp(`^  ${code}  \\w`, "m"));
    const texts = [
      codes.stdout,
      (await pcx(["--help"], { cwd })).stdout,
      (await pcx(["help", "environment"], { cwd })).stdout,
    ];
    for (const path of COMMANDS) texts.push((await pcx([...path, "--help"], { cwd })).stdout);
    for (const text of texts) {
      // Every docs/… mention is part of a link under the one docs base URL.
      const bare = text.replaceAll(new RegExp(`${DOCS_BASE_URL}/[\\w-]+\\.md(#[\\w-]+)?`, "g"), "");
      expect(bare).not.toMatch(/docs\/\w/);
      expect(bare).not.toMatch(/\.md\b/);
    }
    expect(texts[1]).toContain(`${DOCS_BASE_URL}/cli.md`);
  });

  it("messages in the CLI's and SDK's sources link to the docs URL, never to a repository path", () => {
    const offenders: string[] = [];
    for (const pkg of ["cli", "sdk"]) {
      const src = new URL(`../../${pkg}/src/`, import.meta.url);
      for (const file of readdirSync(src, { recursive: true, encoding: "utf8" })) {
        if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
        const lines = readFileSync(new URL(file, src), "utf8").split("\n");
        lines.forEach((line, i) => {
          const code = line.trim();
          if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) return;
          // A string (quotes or backticks) naming docs/<page>.md.
          if (/["'`][^"'`]*\bdocs\/[\w-]+\.md/.test(code))
            offenders.push(`${pkg}/src/${file}:${i + 1}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("pcx completion", () => {
  /** Asks bash's completion function what it offers after `words` (the last one being typed). */
  function complete(script: string, words: string[]): string[] {
    const dir = dirWith({ "pcx.bash": script });
    const program = [
      `source ${JSON.stringify(join(dir, "pcx.bash"))}`,
      `COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(" ")})`,
      `COMP_CWORD=${words.length - 1}`,
      "_pcx_completion",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${…}, not a template
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join("\n");
    const result = spawnSync("bash", ["--norc", "--noprofile", "-c", program], {
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout.split("\n").filter(Boolean);
  }

  it("bash: completes commands, subcommands, a command's flags with the global ones, and flag values", async () => {
    const run = await pcx(["completion", "bash"], { cwd: dirWith() });
    expect(run.code).toBe(0);
    const script = run.stdout;
    expect(complete(script, ["pcx", "li"]).sort()).toEqual(["limits", "link"]);
    expect(complete(script, ["pcx", "limits", "s"]).sort()).toEqual(["set", "show"]);
    const status = complete(script, ["pcx", "status", "--"]);
    expect(status).toContain("--integration");
    for (const flag of GLOBAL_FLAGS) expect(status).toContain(flag);
    expect(complete(script, ["pcx", "validate", "--locale", ""]).sort()).toEqual(["en", "fi"]);
    expect(complete(script, ["pcx", "completion", ""]).sort()).toEqual(
      expect.arrayContaining(["bash", "fish", "zsh"]),
    );
  });

  it("zsh and fish: every command and subcommand, with their descriptions", async () => {
    const cwd = dirWith();
    const zsh = (await pcx(["completion", "zsh"], { cwd })).stdout;
    const fish = (await pcx(["completion", "fish"], { cwd })).stdout;
    expect(zsh).toMatch(/^#compdef pcx/);
    expect(zsh).toContain("compdef _pcx pcx");
    expect(zsh).toContain("'validate:validate a definition file'");
    expect(zsh).toContain('"limits set") entries=(');
    expect(fish).toContain(
      "complete -c pcx -f -n \"not __fish_seen_subcommand_from init validate diff define status limits link requests activations worker store sandbox login logout profiles completion help\" -a validate -d 'validate a definition file'",
    );
    expect(fish).toContain("-a set -d 'set the limit (a whole number from 1, or none)'");
    expect(fish).toContain("-l locale -x -a 'en fi'");
    for (const [name] of COMMANDS) {
      expect(zsh).toContain(`'${name}:`);
      expect(fish).toContain(`-a ${name} `);
    }
    // zsh parses it (when zsh is installed); bash parses its own.
    const zshCheck = spawnSync("zsh", ["-n"], { input: zsh, encoding: "utf8" });
    if (!zshCheck.error) expect(zshCheck.status, zshCheck.stderr).toBe(0);
    const bash = (await pcx(["completion", "bash"], { cwd })).stdout;
    const file = join(cwd, "pcx.bash");
    writeFileSync(file, bash);
    expect(spawnSync("bash", ["-n", file]).status).toBe(0);
  });

  it("an unknown shell is a usage error listing the choices", async () => {
    const run = await pcx(["completion", "powershell"], { cwd: dirWith() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bash, zsh, fish");
  });
});
