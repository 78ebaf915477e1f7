/**
 * The longest `state` an activation link may carry, in characters.
 * Procountor hands the state back to the integrator's callback untouched;
 * the sandbox refuses a longer one, `signState` never makes a longer one and
 * the callback query schema refuses one. Modelled: Procountor publishes no
 * limit, so pcx picks one that keeps the whole link well inside what
 * browsers, proxies and logs handle. This file imports nothing, so the links
 * module can use it without pulling in zod.
 */
export const MAX_STATE_LENGTH = 1024;
