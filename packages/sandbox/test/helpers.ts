import type { WireDefinition } from "@pcx/sdk/contract";
import { acmeRights, acmeWire, fakeTime } from "@pcx/testkit";
import { startTestSandbox } from "@pcx/testkit/sandbox";
import { DEMO_CREDENTIALS, type Sandbox } from "../src/index.js";

/** A sandbox on a free port, closed after the test (the test kit's `startTestSandbox`). */
export const sandbox = startTestSandbox;

/** The clock the sandbox's tests started from before they shared the test kit's. */
export const CLOCK_START = "2025-06-01T10:00:00.000Z";

/**
 * The test kit's `fakeTime`, started at CLOCK_START unless told otherwise.
 * Kept under this name for the page tests; new tests use `fakeTime`.
 */
export function manualClock(start: string = CLOCK_START) {
  return fakeTime(start);
}

/**
 * How a helper reaches `s`: over real HTTP (global fetch) when it listens,
 * through `s.fetch` when it runs in process (createSandbox, whose URL is
 * http://sandbox.localhost).
 */
export function fetchOf(s: Sandbox): typeof fetch {
  return new URL(s.url).hostname === "sandbox.localhost" ? s.fetch : fetch;
}

/** The Acme definition on the wire (the SDK's test fixture), with `overrides`. */
export function definition(
  overrides: Partial<WireDefinition> = {},
  rights?: WireDefinition["technicalUser"]["rights"],
): WireDefinition {
  return { ...acmeWire(rights), ...overrides };
}

/** The full Acme rights: business-partners (view) added to version 1's sales-invoices (all). */
export const RAISED_RIGHTS = acmeRights();

// biome-ignore lint/suspicious/noExplicitAny: test answers are checked by assertions
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Form-encoded token request; returns the raw answer. */
export async function tokenRequest(s: Sandbox, fields: Record<string, string>): Promise<Answer> {
  const res = await fetchOf(s)(`${s.apiBaseUrl}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

export async function accessToken(s: Sandbox, apiKey = s.credentials.apiKey): Promise<string> {
  const answer = await tokenRequest(s, {
    grant_type: "client_credentials",
    client_id: s.credentials.clientId,
    client_secret: s.credentials.clientSecret,
    api_key: apiKey,
  });
  if (answer.status !== 200)
    throw new Error(`token: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.access_token as string;
}

/** A JSON client bound to one token. */
export function client(s: Sandbox, token: string) {
  // biome-ignore lint/suspicious/noExplicitAny: test answers are checked by assertions
  return async function call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const res = await fetchOf(s)(`${s.apiBaseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
}

/** A request to a /sandbox admin route (JSON). */
// biome-ignore lint/suspicious/noExplicitAny: test answers are checked by assertions
export async function admin<T = any>(
  s: Sandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  // The admin routes take JSON only, an empty POST included.
  const res = await fetchOf(s)(`${s.url}/sandbox${path}`, {
    method,
    ...(method === "GET" ? {} : { headers: { "content-type": "application/json" } }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** Creates and approves an integration (Acme unless told) through the engine; returns its id. */
export function published(s: Sandbox, def: WireDefinition = definition()): number {
  const { id } = s.engine.createIntegration(DEMO_CREDENTIALS.clientId, def);
  s.engine.reviewIntegration(id, "approve");
  return id;
}

/** Creates and approves an integration; returns its id. */
export async function publishedIntegration(
  s: Sandbox,
  call: ReturnType<typeof client>,
  def = definition(),
): Promise<number> {
  const created = await call("POST", "/integrations", { definition: def });
  if (created.status !== 201)
    throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const reviewed = await admin(s, "POST", `/integrations/${created.body.id}/review`, {
    decision: "approve",
  });
  if (reviewed.status !== 200)
    throw new Error(`review: ${reviewed.status} ${JSON.stringify(reviewed.body)}`);
  return created.body.id as number;
}
