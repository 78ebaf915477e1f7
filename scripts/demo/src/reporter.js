// How the demo tells its steps: on a terminal a spinner per step, then a
// tick and the step's notes; under CI or without a terminal, plain lines.

/**
 * @typedef {object} Reporter
 * @property {<T>(title: string, run: (note: (text: string) => void) => Promise<T>) => Promise<T>} step
 *   Runs one step: shows `title` while it runs, then the notes it made.
 * @property {(text?: string) => void} line Writes a line as it is.
 */

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/**
 * @param {object} options
 * @param {(text: string) => void} options.write Writes text (no newline added).
 * @param {boolean} options.interactive A terminal: a spinner per step. Otherwise plain lines.
 * @returns {Reporter}
 */
export function createReporter({ write, interactive }) {
  let number = 0;
  return {
    line: (text = "") => write(`${text}\n`),
    async step(title, run) {
      number += 1;
      const head = `${number}. ${title}`;
      /** @type {string[]} */
      const notes = [];
      let frame = 0;
      const timer = interactive
        ? setInterval(() => write(`\r${FRAMES[frame++ % FRAMES.length]} ${head}`), 80)
        : undefined;
      if (interactive) write(`${FRAMES[0]} ${head}`);
      const clear = interactive ? "\r\x1b[2K" : "";
      try {
        const value = await run((text) => notes.push(text));
        write(`${clear}${interactive ? "✔ " : ""}${head}\n`);
        for (const note of notes) write(`     ${note}\n`);
        return value;
      } catch (error) {
        write(`${clear}${interactive ? "✖ " : ""}${head}: failed\n`);
        for (const note of notes) write(`     ${note}\n`);
        throw error;
      } finally {
        clearInterval(timer);
      }
    },
  };
}

/** A spinner only on a terminal, and never under CI. @param {NodeJS.WriteStream} stream @param {Record<string, string | undefined>} env */
export const isInteractive = (stream, env) =>
  stream.isTTY === true && !env.CI && env.TERM !== "dumb";
