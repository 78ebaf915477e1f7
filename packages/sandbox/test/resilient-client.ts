import { setTimeout as sleep } from "node:timers/promises";
import type { RunningSandbox } from "../src/index.js";

export interface ResilientAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked by the invariant test
  body: any;
  attempts: number;
  replayed: boolean;
}

export interface ResilientStats {
  attempts: number;
  networkErrors: number;
  retriedStatuses: Record<number, number>;
}

/**
 * A small client that survives chaos the way the SDK must: retries network
 * errors, 5xx and 429 (honouring Retry-After) and keeps the Idempotency-Key
 * across retries, so an answer lost after the change was applied is replayed.
 */
export function resilientClient(s: RunningSandbox, maxAttempts = 25) {
  const stats: ResilientStats = { attempts: 0, networkErrors: 0, retriedStatuses: {} };
  let token: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      stats.attempts++;
      try {
        const res = await fetch(`${s.apiBaseUrl}/oauth/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: s.credentials.clientId,
            client_secret: s.credentials.clientSecret,
            api_key: s.credentials.apiKey,
          }).toString(),
        });
        const body = await res.json();
        if (res.status === 200) return body.access_token as string;
        if (res.status < 429) throw new Error(`token: ${res.status} ${JSON.stringify(body)}`);
        await backoff(res, attempt);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith("token:")) throw error;
        stats.networkErrors++;
        await sleep(5);
      }
    }
    throw new Error("token: retries exhausted");
  }

  async function backoff(res: Response, attempt: number): Promise<void> {
    stats.retriedStatuses[res.status] = (stats.retriedStatuses[res.status] ?? 0) + 1;
    const retryAfter = Number(res.headers.get("retry-after"));
    await sleep(
      res.status === 429 && retryAfter > 0 ? retryAfter * 1000 : Math.min(5 * attempt, 50),
    );
  }

  async function call(
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<ResilientAnswer> {
    token ??= fetchToken();
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      stats.attempts++;
      let res: Response;
      let text: string;
      try {
        res = await fetch(`${s.apiBaseUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${await token}`,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
            ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        text = await res.text();
      } catch {
        stats.networkErrors++;
        await sleep(5);
        continue;
      }
      const parsed = text ? JSON.parse(text) : undefined;
      if (res.status >= 500 || res.status === 429) {
        if (res.status === 500 && /Sandbox bug/.test(text)) {
          return { status: res.status, body: parsed, attempts: attempt, replayed: false };
        }
        await backoff(res, attempt);
        continue;
      }
      return {
        status: res.status,
        body: parsed,
        attempts: attempt,
        replayed: res.headers.get("idempotent-replayed") === "true",
      };
    }
    throw new Error(`${method} ${path}: retries exhausted`);
  }

  return { call, stats };
}
