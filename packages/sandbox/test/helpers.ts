import type { WireDefinition } from "@pcx/sdk/contract";
import { acmeRights, acmeWire } from "@pcx/testkit";
import { afterEach } from "vitest";
import { type RunningSandbox, type SandboxOptions, startSandbox } from "../src/index.js";

const running: RunningSandbox[] = [];

/** A sandbox on a random port, closed after the test. */
export async function sandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const started = await startSandbox({ port: 0, ...options });
  running.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** A mutable clock for expiry and token lifetime. */
export function manualClock(start = "2025-06-01T10:00:00.000Z") {
  let now = new Date(start);
  return {
    now: () => now,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
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
export async function tokenRequest(
  s: RunningSandbox,
  fields: Record<string, string>,
): Promise<Answer> {
  const res = await fetch(`${s.apiBaseUrl}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

export async function accessToken(
  s: RunningSandbox,
  apiKey = s.credentials.apiKey,
): Promise<string> {
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
export function client(s: RunningSandbox, token: string) {
  // biome-ignore lint/suspicious/noExplicitAny: test answers are checked by assertions
  return async function call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const res = await fetch(`${s.apiBaseUrl}${path}`, {
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

/** POST to a /sandbox admin route. */
// biome-ignore lint/suspicious/noExplicitAny: test answers are checked by assertions
export async function admin<T = any>(
  s: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  const res = await fetch(`${s.url}/sandbox${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** Creates and approves an integration; returns its id. */
export async function publishedIntegration(
  s: RunningSandbox,
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
