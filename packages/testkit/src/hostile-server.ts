import type { IncomingMessage, ServerResponse } from "node:http";
import { type LocalServer, readBody, startLocalServer } from "./local-server.js";

/** What a hostile server does with one request. */
export type HostileKind =
  | "echo" // answers the request back (form body or headers), encoded
  | "cut" // the echo, cut at `cutAt` characters: a complete but truncated answer
  | "truncate" // declares a longer body than it sends, then drops the connection
  | "drip" // sends a byte of the echo every 40 ms, forever
  | "hang" // never answers
  | "reset" // drops the connection at once
  | "wrongType" // 200 with text/html and the echo
  | "huge" // 0.3–1.1 MB of padding with the echo inside, twice
  | "escapes"; // terminal escape sequences around the echo

export type EchoEncoding = "raw" | "form" | "percent" | "lowerPercent" | "json" | "errorItems";

export interface HostileBehaviour {
  /** Which request misbehaves: the token exchange or the API call after it. */
  phase: "token" | "api";
  kind: HostileKind;
  status: number;
  encoding: EchoEncoding;
  cutAt: number;
  /** Sent as `Retry-After` when set (often garbage). */
  retryAfter?: string;
}

/** One registered call: the technical user's key it exchanges, and how the server treats it. */
export interface HostileCall {
  apiKey: string;
  /** The access token the server issues for `apiKey` (a secret too). */
  accessToken: string;
  /** How the server misbehaves; undefined: it answers properly. */
  behaviour: HostileBehaviour | undefined;
}

export interface HostileServer extends LocalServer {
  /** Registers a call by its API key; the server finds it again by key or by token. */
  register(call: HostileCall): void;
}

const PADDING_UNIT = "·pad·";

function encode(echo: string, encoding: EchoEncoding): { type: string; body: string } {
  switch (encoding) {
    case "raw":
      return { type: "text/plain", body: echo };
    case "form":
      return {
        type: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ echo }).toString(),
      };
    case "percent":
      return { type: "text/plain", body: `echo=${encodeURIComponent(echo)}` };
    case "lowerPercent":
      return {
        type: "text/plain",
        body: encodeURIComponent(echo).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
      };
    case "json":
      return { type: "application/json", body: JSON.stringify({ message: echo }) };
    case "errorItems":
      return {
        type: "application/json",
        body: JSON.stringify({ errors: [{ field: echo.slice(0, 40), message: echo, code: echo }] }),
      };
  }
}

function act(
  behaviour: HostileBehaviour,
  echo: string,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const { type, body } = encode(echo, behaviour.encoding);
  const headers: Record<string, string> = {
    "content-type": type,
    "x-request-id": echo.slice(0, 60),
  };
  if (behaviour.retryAfter !== undefined) headers["retry-after"] = behaviour.retryAfter;
  const send = (status: number, text: string, extra: Record<string, string> = {}): void => {
    response.writeHead(status, { ...headers, ...extra });
    response.end(text);
  };
  switch (behaviour.kind) {
    case "echo":
      send(behaviour.status, body);
      return;
    case "cut":
      send(behaviour.status, body.slice(0, behaviour.cutAt));
      return;
    case "truncate": {
      const part = Buffer.from(body.slice(0, behaviour.cutAt));
      response.writeHead(behaviour.status, {
        ...headers,
        "content-length": String(part.length + 100),
      });
      response.write(part, () => request.socket.destroy());
      return;
    }
    case "drip": {
      response.writeHead(behaviour.status, headers);
      let at = 0;
      const timer = setInterval(() => {
        response.write(body.charAt(at % Math.max(1, body.length)) || ".");
        at++;
      }, 40);
      response.on("close", () => clearInterval(timer));
      return;
    }
    case "hang":
      return;
    case "reset":
      request.socket.destroy();
      return;
    case "wrongType":
      send(200, `<html><body>${body}</body></html>`, { "content-type": "text/html" });
      return;
    case "huge": {
      const size = 100_000 + behaviour.cutAt * 800;
      const padding = PADDING_UNIT.repeat(Math.ceil(size / PADDING_UNIT.length));
      send(behaviour.status, `${padding}${body}${padding}${body}${padding}`);
      return;
    }
    case "escapes": {
      const noise = "\u001b]0;pwned\u0007\u001b[2J\u001b[31m\u202e\u0000\u009b";
      send(behaviour.status, `${noise}${body}${noise}`);
      return;
    }
  }
}

/**
 * A real local server for fuzzing the client: it answers the token exchange and
 * `GET /api/integrations/{id}` normally with `integration`, except for the phase
 * a registered call's behaviour names, where it misbehaves with an echo of the
 * request (the form body with the client secret and API key, or the headers
 * with the bearer token).
 */
export async function startHostileServer(integration: unknown): Promise<HostileServer> {
  const byKey = new Map<string, HostileCall>();
  const byToken = new Map<string, HostileCall>();
  const server = await startLocalServer(async (request, response) => {
    const body = await readBody(request);
    if (request.url === "/api/oauth/token") {
      const call = byKey.get(new URLSearchParams(body).get("api_key") ?? "");
      if (!call) return void response.writeHead(400).end();
      if (call.behaviour?.phase === "token") return act(call.behaviour, body, request, response);
      response.writeHead(200, { "content-type": "application/json" });
      return void response.end(
        JSON.stringify({ access_token: call.accessToken, expires_in: 3600 }),
      );
    }
    const token = (request.headers.authorization ?? "").replace(/^Bearer /, "");
    const call = byToken.get(token);
    if (call?.behaviour?.phase === "api") {
      const echo = JSON.stringify({ url: request.url, headers: request.headers });
      return act(call.behaviour, echo, request, response);
    }
    response.writeHead(call ? 200 : 401, { "content-type": "application/json" });
    response.end(call ? JSON.stringify(integration) : "{}");
  });
  return {
    origin: server.origin,
    get connections() {
      return server.connections;
    },
    close: () => server.close(),
    register(call: HostileCall) {
      byKey.set(call.apiKey, call);
      byToken.set(call.accessToken, call);
    },
  };
}
