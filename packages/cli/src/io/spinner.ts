import { envFlag } from "../env-vars.js";

/**
 * Progress for network commands: on stderr, and only when stderr is a TTY and
 * not in CI, so `--json` stdout and piped output never see it. No dependency:
 * a frame every 80 ms, cleared with ANSI erase-line.
 */

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export interface Spinner {
  /** Changes the text shown next to the spinner. */
  update(text: string): void;
  /** Stops and leaves a final line (✔ text). */
  succeed(text?: string): void;
  /** Stops and leaves a final line (✖ text). */
  fail(text?: string): void;
  /** Stops and clears the line. */
  stop(): void;
}

export interface SpinnerOptions {
  /** Where progress goes. Default `process.stderr`. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Environment, for `CI`. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Frame interval in ms. Default 80. */
  intervalMs?: number;
}

const noop: Spinner = { update() {}, succeed() {}, fail() {}, stop() {} };

export function startSpinner(text: string, options: SpinnerOptions = {}): Spinner {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  if (stream.isTTY !== true || envFlag(env, "CI")) {
    return noop;
  }
  let current = text;
  let frame = 0;
  let running = true;
  const draw = () => {
    stream.write(`\r\x1b[2K${FRAMES[frame % FRAMES.length]} ${current}`);
    frame += 1;
  };
  draw();
  const timer = setInterval(draw, options.intervalMs ?? 80);
  // A forgotten spinner must not keep the process alive.
  timer.unref();
  const finish = (line?: string) => {
    if (!running) return;
    running = false;
    clearInterval(timer);
    stream.write("\r\x1b[2K");
    if (line !== undefined) stream.write(`${line}\n`);
  };
  return {
    update(next) {
      current = next;
    },
    succeed(final) {
      finish(`✔ ${final ?? current}`);
    },
    fail(final) {
      finish(`✖ ${final ?? current}`);
    },
    stop() {
      finish();
    },
  };
}
