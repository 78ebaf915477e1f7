import type { ChalkInstance } from "chalk";
import { envFlag, readEnv } from "../env-vars.js";
import { escapeForStream } from "./terminal-safe.js";

/** The streams pcx writes to; `process.*` in the bin, fakes in unit tests. */
export interface OutputStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface OutputOptions extends OutputStreams {
  /** `--json`: stdout carries exactly one JSON document. Default false. */
  json?: boolean;
  /** `false` after `--no-color`. Default true (still subject to NO_COLOR and TTY detection). */
  color?: boolean;
  /** Environment for NO_COLOR / FORCE_COLOR / TERM. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The one place pcx writes to the terminal. Commands return data; renderers
 * turn it into text; this module decides where that text goes.
 *
 * - `stdout()` is the command's result. In `--json` mode it is redirected to
 *   stderr so that stdout only ever carries the single document from `json()`.
 * - `stderr()` is for notes, warnings and errors.
 * - Both escape what a terminal could act on (control characters, escape
 *   sequences other than colours, bidi controls: see terminal-safe.ts), so no
 *   text, wherever it came from, can retitle, clear or rewrite the terminal.
 * - `writeJson()` writes exact JSON; the characters JSON leaves raw (DEL, C1,
 *   bidi controls) are written as \u escapes, which parse to the same value.
 * - `paint()` loads chalk lazily (it is not needed for `--version`/`--help`).
 */
export interface Output {
  readonly json: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Writes the one JSON document of a `--json` run. Calling it twice is a bug. */
  writeJson(document: unknown): void;
  /** A chalk instance for the stream, with colour off under --no-color, NO_COLOR or a non-TTY. */
  paint(stream?: "stdout" | "stderr"): Promise<ChalkInstance>;
  /** Whether colour is on for the stream. */
  colorFor(stream: "stdout" | "stderr"): boolean;
  readonly streams: OutputStreams;
}

function withNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}

/** DEL, C1 controls and bidi controls: JSON.stringify leaves them raw (they can only be in strings). */
const JSON_RAW_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `JSON.stringify(document, null, 2)` with JSON_RAW_UNSAFE as \u escapes: the same JSON value. */
export function jsonForTerminal(document: unknown): string {
  return JSON.stringify(document, null, 2).replace(
    JSON_RAW_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** One JSON document on one line (for streams of documents, e.g. `pcx requests watch --json`), unsafe characters as \u escapes. */
export function jsonLine(document: unknown): string {
  return `${JSON.stringify(document).replace(
    JSON_RAW_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  )}\n`;
}

/** Colour is on when not disabled by flag or NO_COLOR, and forced or writing to a TTY. */
export function colorEnabled(
  stream: { isTTY?: boolean },
  options: { color?: boolean; env?: NodeJS.ProcessEnv },
): boolean {
  const env = options.env ?? process.env;
  if (options.color === false) return false;
  if (readEnv(env, "NO_COLOR") !== undefined) return false;
  if (envFlag(env, "FORCE_COLOR")) return true;
  if (readEnv(env, "TERM") === "dumb") return false;
  return stream.isTTY === true;
}

export function createOutput(options: OutputOptions): Output {
  const json = options.json === true;
  const streams = { stdout: options.stdout, stderr: options.stderr };
  const colors = {
    stdout: colorEnabled(options.stdout, options),
    stderr: colorEnabled(options.stderr, options),
  };
  const painters: Partial<Record<"stdout" | "stderr", Promise<ChalkInstance>>> = {};
  let jsonWritten = false;

  return {
    json,
    streams,
    stdout(text) {
      const stream = json ? "stderr" : "stdout";
      options[stream].write(withNewline(escapeForStream(text, colors[stream])));
    },
    stderr(text) {
      options.stderr.write(withNewline(escapeForStream(text, colors.stderr)));
    },
    writeJson(document) {
      if (jsonWritten) throw new Error("pcx bug: a second JSON document was written to stdout");
      jsonWritten = true;
      options.stdout.write(`${jsonForTerminal(document)}\n`);
    },
    colorFor(stream) {
      return colors[stream];
    },
    paint(stream = "stdout") {
      painters[stream] ??= import("chalk").then(({ Chalk, default: chalk }) => {
        if (!colors[stream]) return new Chalk({ level: 0 });
        return new Chalk({ level: chalk.level > 0 ? chalk.level : 1 });
      });
      return painters[stream];
    },
  };
}
