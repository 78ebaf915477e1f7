import { withSession } from "../api/session.js";
import { defineCommand } from "../command.js";
import { jsonLine } from "../io/output.js";
import { startSpinner } from "../io/spinner.js";
import { type RequestView, requestDetails, requestView } from "../requests/request-view.js";

export interface WatchInput {
  /** Seconds between polls. Default 10. */
  intervalSeconds: number;
  integration?: number;
}

/** What a watch ends with (after Ctrl+C): how many new requests it printed. */
export interface WatchResult {
  seen: number;
}

/** How long to wait, resolving early when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * Seams for tests (in process, where a real SIGINT would reach the test
 * runner): `signal` stops the watch like Ctrl+C; `onPoll` runs after each
 * poll with the number of polls so far. Default: none.
 */
export const watchControl: {
  signal?: AbortSignal;
  onPoll?: (polls: number) => void | Promise<void>;
} = {};

/**
 * `pcx requests watch`: polls the pending requests and prints each new one
 * as it arrives (`--json`: one JSON document per line on stdout), with a
 * spinner on a terminal, until SIGINT (exit 0).
 */
export default defineCommand<WatchInput, WatchResult>({
  run(input, ctx) {
    return withSession(ctx, async (session) => {
      const ref = session.requireIntegration(input.integration);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      const external = watchControl.signal;
      external?.addEventListener("abort", onSignal, { once: true });
      const spin = () =>
        ctx.interactive && !ctx.json
          ? startSpinner(`Watching integration ${ref.id} for activation requests (Ctrl+C stops)`, {
              stream: ctx.out.streams.stderr,
              env: ctx.env,
            })
          : undefined;
      let spinner = spin();
      let polls = 0;
      const seen = new Set<number>();
      let first = true;
      try {
        while (!stop.signal.aborted) {
          const pending = await session.client.activationRequests
            .list(ref.id, { status: "PENDING" })
            .toArray();
          const fresh: RequestView[] = pending
            .filter((r) => !seen.has(r.id))
            .map((r) => requestView(r, new Date()))
            .reverse();
          for (const view of fresh) {
            seen.add(view.id);
            if (ctx.json) ctx.out.streams.stdout.write(jsonLine(view));
            else {
              spinner?.stop();
              ctx.out.stdout(`${first ? "" : "New: "}${requestDetails(view)}`);
              spinner = spin();
            }
          }
          first = false;
          polls += 1;
          await watchControl.onPoll?.(polls);
          await pause(input.intervalSeconds * 1000, stop.signal);
        }
      } finally {
        spinner?.stop();
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
      return { seen: seen.size };
    });
  },
  render(data) {
    return `Stopped; ${data.seen} pending request${data.seen === 1 ? "" : "s"} seen.`;
  },
  // The lines were the output; nothing more on stdout.
  toJson: () => undefined,
});
