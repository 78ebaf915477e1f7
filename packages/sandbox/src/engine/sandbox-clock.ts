import { invalid } from "../sandbox-error.js";

/** The longest single step the clock takes: a year. */
export const MAX_CLOCK_STEP_MS = 366 * 24 * 3600_000;

/** Where the sandbox's clock stands. */
export interface ClockReading {
  /** The sandbox's time, ISO 8601 UTC. */
  now: string;
  /** How far the clock was moved ahead of its base clock in total, in ms. */
  offsetMs: number;
}

/**
 * The sandbox's clock: the injected (or real) base clock plus an offset that
 * only grows, so integrators' tests can make requests expire and tokens age
 * without waiting (`advanceClock`). Time never goes back: expiry and token
 * lifetimes stay consistent.
 */
export interface SandboxClock {
  now(): Date;
  /** Moves the clock forward by `ms` (a whole number, 0 to a year). */
  advance(ms: number): ClockReading;
  read(): ClockReading;
}

export function createSandboxClock(base: () => Date): SandboxClock {
  let offsetMs = 0;
  const now = () => new Date(base().getTime() + offsetMs);
  const read = (): ClockReading => ({ now: now().toISOString(), offsetMs });
  return {
    now,
    read,
    advance(ms) {
      if (typeof ms !== "number" || !Number.isSafeInteger(ms) || ms < 0 || ms > MAX_CLOCK_STEP_MS)
        throw invalid(
          "ms",
          `Advance the clock by whole milliseconds from 0 to ${MAX_CLOCK_STEP_MS} (a year), got ${String(ms)}. The clock never goes back.`,
        );
      offsetMs += ms;
      return read();
    },
  };
}
