// Shared by the HTTP fuzz suites (http-fuzz-*.test.ts): the target sandbox, a raw client, and the
// checks every answer must pass. The generators are in http-fuzz-arbitraries.ts.
import { ApiErrorBodySchema, OAuthErrorSchema } from "@pcx/sdk/contract";
import { fakeTime } from "@pcx/testkit";
import { startTestSandbox } from "@pcx/testkit/sandbox";
import { expect } from "vitest";
import { DEMO_CREDENTIALS, type RunningSandbox, type SandboxState } from "../src/index.js";
import { accessToken, definition, published } from "./helpers.js";
import { pageAgent } from "./pages-agent.js";
import { type RawAnswer, rawConnection } from "./raw-http.js";

/** Seed of every fuzz property; set PCX_FUZZ_SEED to explore other cases. */
export const FUZZ_SEED = Number(process.env.PCX_FUZZ_SEED ?? 20_251);

/** How long one fuzz case may wait for its answer before the test fails (never reached when healthy). */
const ANSWER_TIMEOUT_MS = 3_000;

/** One raw request: every part may be malformed; `body` is bytes. */
export interface FuzzRequest {
  method: string;
  target: string;
  /** Header lines in order; a Host is added unless one is here. */
  headers: [string, string][];
  body: Buffer;
  /** The Content-Length header to send: the body's length (default), none, or a given text. */
  contentLength?: "auto" | "none" | string;
}

/** A sandbox with something in it to protect: a published integration, a pending request, a token, a session. */
export async function fuzzTarget() {
  const time = fakeTime("2025-06-01T10:00:00.000Z");
  // A hand-off tab gives up at once: a fuzzed token never names a confirm post.
  const s = await startTestSandbox({ now: time.now, handoffWaitMs: 20 });
  const id = published(s, definition({ maxConcurrentActivations: 3 }));
  const { request } = s.engine.startActivation({
    userId: 1,
    integrationId: id,
    companyIds: [1004],
    state: "fuzz",
  });
  // A processed request, so the outbox (JSON and page) has an e-mail to show.
  const refused = s.engine.startActivation({
    userId: 1,
    integrationId: id,
    companyIds: [1001],
    state: "fuzz",
  });
  s.engine.rejectActivationRequest(DEMO_CREDENTIALS.clientId, refused.request.id, {
    reason: "Fuzz <b>target</b>",
  });
  const token = await accessToken(s);
  const agent = pageAgent(s);
  await agent.signIn();
  const session = [...agent.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  return {
    s,
    integrationId: id,
    requestId: request.id,
    token,
    session,
    before: s.engine.dumpState(),
  };
}

/** The request's bytes as sent: request line, headers (Host and Content-Length added), body. */
export function serialize(request: FuzzRequest, s: RunningSandbox): Buffer {
  const lines = [`${request.method} ${request.target} HTTP/1.1`];
  const names = new Set(request.headers.map(([name]) => name.toLowerCase()));
  if (!names.has("host")) lines.push(`Host: ${new URL(s.url).host}`);
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  const length = request.contentLength ?? "auto";
  if (length === "auto" && !names.has("transfer-encoding"))
    lines.push(`Content-Length: ${request.body.length}`);
  else if (length !== "auto" && length !== "none") lines.push(`Content-Length: ${length}`);
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "utf8"), request.body]);
}

/**
 * A raw HTTP client for fuzzing: one keep-alive connection, replaced when
 * the server closes it (as it does after a malformed request), so thousands
 * of cases do not each pay for a TCP handshake. A case whose connection
 * was closed under it before any answer is sent again once on a fresh one.
 */
export function fuzzClient(s: RunningSandbox) {
  let connection: ReturnType<typeof rawConnection> | undefined;
  const drop = () => {
    connection?.close();
    connection = undefined;
  };
  async function once(bytes: Buffer, head: boolean): Promise<RawAnswer> {
    connection ??= rawConnection(s.url);
    const current = connection;
    const timer = setTimeout(() => current.close(), ANSWER_TIMEOUT_MS);
    try {
      current.send(bytes);
      for (;;) {
        const answer = await current.answer({ head });
        if (answer.status < 200) continue;
        if (answer.headers.connection?.toLowerCase() === "close") drop();
        return answer;
      }
    } catch (error) {
      drop();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    /** Sends raw bytes; the first final answer (1xx skipped). Fails after ANSWER_TIMEOUT_MS. */
    async exchange(bytes: Buffer, head = false): Promise<RawAnswer> {
      const fresh = connection === undefined;
      try {
        return await once(bytes, head);
      } catch (error) {
        if (!fresh) {
          try {
            return await once(bytes, head);
          } catch {
            // fall through to the first error
          }
        }
        throw new Error(
          `no answer to ${JSON.stringify(bytes.subarray(0, 200).toString("latin1"))}: ${String(error)}`,
        );
      }
    },
    /** Sends one request; its answer. */
    send(request: FuzzRequest): Promise<RawAnswer> {
      return this.exchange(serialize(request, s), request.method === "HEAD");
    },
    close: drop,
  };
}

function json(answer: RawAnswer): unknown {
  try {
    return JSON.parse(answer.body);
  } catch {
    return undefined;
  }
}

/** True for an answer in Procountor's error shape. */
export const isErrorShape = (answer: RawAnswer) =>
  (answer.headers["content-type"] ?? "").startsWith("application/json") &&
  ApiErrorBodySchema.safeParse(json(answer)).success;

/** True for a whole HTML page (with `head`, only the type can be checked). */
export const isPage = (answer: RawAnswer, head: boolean) =>
  (answer.headers["content-type"] ?? "").startsWith("text/html") &&
  (head || (answer.body.startsWith("<!doctype html>") && answer.body.includes("</html>")));

/** Which group answers `target`, as the server resolves it (dot segments, backslashes, absolute form). */
export function groupOf(target: string): "api" | "admin" | "pages" {
  let path: string;
  try {
    path = target.startsWith("/")
      ? new URL(`http://x${target}`).pathname
      : new URL(target).pathname;
  } catch {
    return "pages";
  }
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  return under("/api") ? "api" : under("/sandbox") ? "admin" : "pages";
}

/**
 * What every answer must be: never a 5xx; an error (4xx) in Procountor's
 * shape (the token endpoint: OAuth's), or, for the pages, a proper HTML
 * page; a redirect to a same-origin path. The group comes from the target
 * as the server resolves it; `token` allows OAuth's error shape (the token
 * endpoint). `expectError` says the input was bad, so the answer must be a
 * 4xx. Throws with the request and the answer when one is wrong (plain
 * checks, not `expect`: this runs thousands of times).
 */
export function checkAnswer(
  token: boolean,
  request: FuzzRequest,
  answer: RawAnswer,
  expectError = false,
): void {
  const problem = answerProblem(token, request, answer, expectError);
  if (problem)
    throw new Error(
      `${problem}: ${request.method} ${JSON.stringify(request.target.slice(0, 120))} → ${answer.statusLine} ${answer.body.slice(0, 300)}`,
    );
}

function answerProblem(
  token: boolean,
  request: FuzzRequest,
  answer: RawAnswer,
  expectError: boolean,
): string | undefined {
  const { status } = answer;
  if (!(status >= (expectError ? 400 : 200) && status < 500))
    return expectError ? "not a 4xx" : "not a 2xx-4xx";
  const type = answer.headers["content-type"] ?? "";
  const head = request.method === "HEAD";
  if (status >= 300 && status < 400)
    return /^\/(?![/\\])/.test(answer.headers.location ?? "") ? undefined : "a redirect off-site";
  if (status === 204 || (head && status < 300)) return undefined;
  if (head)
    return /^(application\/json|text\/html)/.test(type) ? undefined : "an answer of no known type";
  const group = groupOf(request.target);
  if (status >= 400) {
    if (isErrorShape(answer)) return undefined;
    if (token && OAuthErrorSchema.safeParse(json(answer)).success) return undefined;
    if (group === "pages" && isPage(answer, head)) return undefined;
    return "an error outside Procountor's shape";
  }
  if (group === "pages")
    return isPage(answer, head) || isErrorShape(answer) ? undefined : "not a proper page";
  return type.startsWith("application/json") ? undefined : "not JSON";
}

/** After a property: the sandbox still answers, and bad input changed nothing. */
export async function checkAlive(s: RunningSandbox, before: SandboxState): Promise<void> {
  const health = await fetch(`${s.url}/sandbox/health`);
  expect(health.status).toBe(200);
  expect(s.engine.dumpState()).toEqual(before);
}
