import { deriveSeed, mulberry32 } from "../random/mulberry32.js";

/**
 * What chaos does to one API request. Faults come either BEFORE the request
 * is applied (500, 503, 429, `drop-before`) or AFTER it was applied with the
 * answer lost (`drop-after`: the socket is destroyed instead of answering),
 * so clients must survive both with retries and idempotency keys.
 */
export type ChaosDecision =
  | { kind: "none" }
  | { kind: "status"; status: 500 | 503 | 429; retryAfterSeconds?: number }
  | { kind: "drop-before" }
  | { kind: "drop-after" }
  | { kind: "latency"; ms: number };

export interface Chaos {
  /** The next decision; the sequence is a function of the seed alone. */
  decide(): ChaosDecision;
}

const KINDS = ["500", "503", "429", "drop-before", "drop-after", "latency"] as const;

/** A seeded fault injector (mulberry32). Every call draws three numbers, fault or not. */
export function createChaos(options: {
  rate: number;
  seed: number;
  retryAfterSeconds?: number;
  maxLatencyMs?: number;
}): Chaos {
  const random = mulberry32(deriveSeed(options.seed, "chaos"));
  const retryAfter = options.retryAfterSeconds ?? 1;
  const maxLatency = options.maxLatencyMs ?? 250;
  return {
    decide() {
      const hit = random();
      const which = random();
      const amount = random();
      if (hit >= options.rate) return { kind: "none" };
      const kind = KINDS[Math.floor(which * KINDS.length)] ?? "500";
      switch (kind) {
        case "500":
          return { kind: "status", status: 500 };
        case "503":
          return { kind: "status", status: 503 };
        case "429":
          return { kind: "status", status: 429, retryAfterSeconds: retryAfter };
        case "latency":
          return { kind: "latency", ms: 20 + Math.floor(amount * (maxLatency - 20)) };
        default:
          return { kind };
      }
    },
  };
}
