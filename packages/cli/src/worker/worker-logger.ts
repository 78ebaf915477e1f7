import type { ReconcilerEventFields, ReconcilerLogger } from "@pcx/sdk";

/**
 * The worker's log: one line per reconciler event on stdout. `--json`: one
 * JSON object per line (`at`, `level`, `event`, the event's fields and the
 * message); otherwise the time and the message. Events carry no secrets.
 */
export function workerLogger(
  stdout: NodeJS.WritableStream,
  options: { json: boolean; now: () => Date },
): ReconcilerLogger {
  const write =
    (level: "info" | "warn" | "error") => (message: string, fields: ReconcilerEventFields) => {
      const at = options.now().toISOString();
      if (options.json) {
        stdout.write(`${JSON.stringify({ at, level, ...fields, message })}\n`);
        return;
      }
      const mark = level === "info" ? "" : `${level}: `;
      stdout.write(`${at.slice(11, 19)} ${mark}${message}\n`);
    };
  return { info: write("info"), warn: write("warn"), error: write("error") };
}
