import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root directory, as a path. */
export const REPO_DIR = fileURLToPath(new URL("../../", import.meta.url));

/** A fenced code block of a markdown page, with the heading it sits under. */
export interface CodeBlock {
  lang: string;
  code: string;
  heading: string;
}

/** The fenced code blocks of `markdown`, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let heading = "";
  let open: { lang: string; lines: string[] } | undefined;
  for (const line of markdown.split("\n")) {
    if (open) {
      if (line.startsWith("```")) {
        blocks.push({ lang: open.lang, code: `${open.lines.join("\n")}\n`, heading });
        open = undefined;
      } else open.lines.push(line);
    } else if (line.startsWith("```")) open = { lang: line.slice(3).trim(), lines: [] };
    else if (/^#{2,4} /.test(line)) heading = line.replace(/^#+ /, "");
  }
  return blocks;
}

/** The block whose first line is the comment `// name` (e.g. `// callback.mjs`). */
export function fileBlock(blocks: readonly CodeBlock[], name: string, heading?: string): string {
  const found = blocks.find(
    (b) =>
      (heading === undefined || b.heading === heading) &&
      (b.code.startsWith(`// ${name}\n`) || b.code.startsWith(`// ${name}:`)),
  );
  if (!found)
    throw new Error(`no code block starting "// ${name}"${heading ? ` under "${heading}"` : ""}`);
  return found.code;
}

/** Shell lines of `sh` blocks: continuation lines joined, comments and blank lines dropped. */
export function shellLines(code: string): string[] {
  return code
    .replaceAll("\\\n", " ")
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

/** Splits a shell line into words as sh does for quotes (`a="b c"` is one word `a=b c`); no expansions. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= "";
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? "") + char;
  }
  if (quote) throw new Error(`unclosed ${quote} in: ${line}`);
  if (word !== undefined) words.push(word);
  return words;
}

/**
 * A throwaway project directory outside the repository, laid out as an
 * install leaves it: `node_modules/<name>` links to the given package
 * directories (the workspace's built packages, frameworks from the examples).
 */
export function plainProject(
  packages: Record<string, string>,
  files: Record<string, string> = {},
): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "pcx-docs-"));
  for (const [name, target] of Object.entries(packages)) {
    if (!existsSync(target)) throw new Error(`${target} is missing: install and build first`);
    const link = join(dir, "node_modules", name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link, "dir");
  }
  writeFiles(dir, files);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

/** A node child process with its output collected. */
export interface NodeChild {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export function startNode(args: string[], cwd: string, env: NodeJS.ProcessEnv): NodeChild {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Waits until `url` answers (any status), or fails with the child's output. */
export async function waitForServer(
  url: string,
  server: NodeChild,
  timeoutMs = 8000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.child.exitCode !== null) {
      throw new Error(`the server exited (${server.child.exitCode}):\n${server.output()}`);
    }
    try {
      await fetch(url, { method: "HEAD" });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} never answered:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
