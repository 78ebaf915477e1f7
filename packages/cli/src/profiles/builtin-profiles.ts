import { PRODUCTION_BASE_URL, PTS_BASE_URL, SANDBOX_BASE_URL } from "@pcx/sdk";

/**
 * The local sandbox's demo integrator (`DEMO_CREDENTIALS` of @pcx/sandbox).
 * Public, documented values that only work against the local emulator.
 * Duplicated here on purpose: the `sandbox` profile needs them for every
 * command, and importing @pcx/sandbox would load the whole emulator (its
 * engine, zod schemas, the SQLite loader) into each run. A unit test
 * (builtin-profiles.test.ts) keeps the copies equal.
 */
export const SANDBOX_DEMO_CREDENTIALS = Object.freeze({
  clientId: "pcx-sandbox",
  clientSecret: "pcx-sandbox-secret",
  apiKey: "pcx-sandbox-api-key",
});

export interface BuiltinProfile {
  baseUrl: string;
  description: string;
  /** Credentials that work without `pcx login` (the sandbox's demo values). */
  credentials?: { clientId: string; clientSecret: string; apiKey: string };
}

/** Profiles that exist without `pcx login`. Saved values (pcx login) and env vars override them. */
export const BUILTIN_PROFILES: Readonly<Record<string, BuiltinProfile>> = Object.freeze({
  sandbox: {
    baseUrl: SANDBOX_BASE_URL,
    description: "the local pcx sandbox (pcx sandbox); demo credentials, no login needed",
    credentials: SANDBOX_DEMO_CREDENTIALS,
  },
  test: { baseUrl: PTS_BASE_URL, description: "Procountor's public testing server (PTS)" },
  production: { baseUrl: PRODUCTION_BASE_URL, description: "Procountor production" },
});

/** The profile used when neither --profile, PCX_PROFILE nor a saved default names one. */
export const FALLBACK_PROFILE = "production";

export function builtinProfile(name: string): BuiltinProfile | undefined {
  return Object.hasOwn(BUILTIN_PROFILES, name) ? BUILTIN_PROFILES[name] : undefined;
}
