// Shared by the client's tests: a client against a fake origin, fixed answers, a virtual clock.
import {
  type ClientOptions,
  createClient,
  fetchTransport,
  isPcxError,
  type PcxError,
} from "@pcx/sdk";
import type { ActivationRequest, Integration } from "@pcx/sdk/contract";
import { acmeWire } from "./acme-fixture.js";
import { fakeTime } from "./fake-time.js";

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

/** A client over `fetchTransport()` (which nock intercepts), a fake clock, no jitter, no rate limit. */
export function testClient(overrides: Partial<ClientOptions> = {}) {
  const time = fakeTime();
  const client = createClient({
    baseUrl: BASE,
    credentials: CREDENTIALS,
    now: time.now,
    sleep: time.sleep,
    random: () => 0.5,
    rateLimit: false,
    transport: fetchTransport(),
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
