// The frame of every HTTP fuzz property (http-fuzz-*.test.ts): a fresh target
// sandbox and a raw client, the seeded cases, then the check that the sandbox
// still answers and that bad input changed nothing.
import fc from "fast-check";
import { checkAlive, FUZZ_SEED, fuzzClient, fuzzTarget } from "./http-fuzz-kit.js";

export type FuzzTarget = Awaited<ReturnType<typeof fuzzTarget>>;
export type FuzzClient = ReturnType<typeof fuzzClient>;

/**
 * Runs `numRuns` cases (seed FUZZ_SEED) of the property `build` makes for a
 * fresh target and its client, then checkAlive. Returns the target, for
 * checks of its own after the run.
 */
export async function fuzzOverHttp<Ts extends [unknown, ...unknown[]]>(
  numRuns: number,
  build: (t: FuzzTarget, http: FuzzClient) => fc.IAsyncProperty<Ts>,
): Promise<FuzzTarget> {
  const t = await fuzzTarget();
  await fc.assert(build(t, fuzzClient(t.s)), { numRuns, seed: FUZZ_SEED });
  await checkAlive(t.s, t.before);
  return t;
}
