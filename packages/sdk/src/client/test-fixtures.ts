// Shared by the client's unit tests (not exported from the package).
import type { ActivationRequest, Integration } from "../contract/index.js";
import { acmeWire } from "../definition/acme-fixture.js";
import { isPcxError, type PcxError } from "../errors/index.js";
import type { ClientOptions } from "./client-options.js";
import { createClient } from "./procountor-client.js";

export const ORIGIN = "https://api.pcx-test.example";
export const BASE = `${ORIGIN}/api`;

/** Distinctive values, so a test can search every output for them. */
export const SECRETS = {
  clientSecret: "cs-TOP-SECRET-client-secret-9f8e7d",
  apiKey: "ak-TOP-SECRET-api-key-1a2b3c",
  accessToken: "at-TOP-SECRET-access-token-4d5e6f",
  technicalKey: "tk-TOP-SECRET-technical-user-key-7a8b",
};

export const CREDENTIALS = {
  clientId: "acme-client",
  clientSecret: SECRETS.clientSecret,
  apiKey: SECRETS.apiKey,
};

/**
 * A virtual clock: time moves only when fake `sleep`s wake. Sleepers wake one
 * at a time in deadline order (then call order), each in its own macrotask, so
 * concurrent waiters observe the clock at their own deadline. Records every wait.
 */
export function fakeTime(start = Date.parse("2025-06-01T12:00:00Z")) {
  let t = start;
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

export function testClient(overrides: Partial<ClientOptions> = {}) {
  const time = fakeTime();
  const client = createClient({
    baseUrl: BASE,
    credentials: CREDENTIALS,
    now: time.now,
    sleep: time.sleep,
    random: () => 0.5,
    rateLimit: false,
    ...overrides,
  });
  return { client, time };
}

export const DEFINITION = acmeWire();

const T = "2025-06-01T12:00:00Z";

export function integration(id = 12, overrides: Partial<Integration> = {}): Integration {
  const version = {
    version: 1,
    reviewState: "APPROVED" as const,
    reviewComment: null,
    submittedAt: T,
    reviewedAt: T,
    definition: DEFINITION,
  };
  return {
    id,
    latest: version,
    published: version,
    activationLink: `https://app.procountor.example/activate/${id}`,
    maxConcurrentActivations: 20,
    createdAt: T,
    updatedAt: T,
    ...overrides,
  };
}

export function activationRequest(id = 501, overrides: Partial<ActivationRequest> = {}) {
  const request: ActivationRequest = {
    id,
    integrationId: 12,
    integrationVersion: 1,
    kind: "ACTIVATION",
    status: "PENDING",
    requestedBy: { userId: 7, name: "Maija Meikäläinen", email: "maija@example.fi" },
    state: null,
    environments: [
      {
        companyId: 1001,
        name: "Oy Esimerkki Ab",
        businessId: "1234567-8",
        status: "PENDING",
        reason: null,
        decidedAt: null,
      },
    ],
    createdAt: T,
    expiresAt: "2025-06-01T12:30:00Z",
    ...overrides,
  };
  return request;
}

export function page<T>(results: T[], pageNumber: number, pageSize: number, totalCount: number) {
  return { results, meta: { pageNumber, pageSize, resultCount: results.length, totalCount } };
}

export const TOKEN_REPLY = { access_token: SECRETS.accessToken, expires_in: 3600 };

/** The PcxError that `promise` rejects with; throws when it resolves or rejects with anything else. */
export async function caught(promise: Promise<unknown>): Promise<PcxError> {
  try {
    await promise;
  } catch (error) {
    if (isPcxError(error)) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}
