/**
 * A virtual clock: time moves only when fake `sleep`s wake, or when a test
 * calls `advance`. Sleepers wake one at a time in deadline order (then call
 * order), each in its own macrotask, so concurrent waiters observe the clock
 * at their own deadline. Records every wait. `start` is epoch milliseconds,
 * an ISO 8601 string or a Date. Pass `now` to code that takes a clock (the
 * SDK client, the sandbox's `now` option).
 */
export function fakeTime(start: number | string | Date = Date.parse("2025-06-01T12:00:00Z")) {
  let t = typeof start === "number" ? start : new Date(start).getTime();
  if (!Number.isFinite(t)) throw new RangeError(`fakeTime: not a time: ${String(start)}`);
  let seq = 0;
  const sleeps: number[] = [];
  const timers: Array<{ at: number; seq: number; wake: () => void }> = [];
  let pumping = false;
  const pump = (): void => {
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = timers.shift();
    if (!next) {
      pumping = false;
      return;
    }
    t = Math.max(t, next.at);
    next.wake();
    setImmediate(pump);
  };
  return {
    sleeps,
    now: () => new Date(t),
    nowMs: () => t,
    /** Moves the clock forward by `ms` (sleepers still wake only through `sleep`'s pump). */
    advance(ms: number) {
      t += ms;
    },
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        sleeps.push(ms);
        timers.push({ at: t + ms, seq: seq++, wake });
        if (!pumping) {
          pumping = true;
          setImmediate(pump);
        }
      }),
  };
}

export type FakeTime = ReturnType<typeof fakeTime>;
