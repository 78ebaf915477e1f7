// The callback handler behind each adapter, for the flow tests: node:http,
// Express 5, Fastify 5 on a free port, and the Fetch adapter inside Hono,
// called in process (as a Worker or Next.js route would be).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { expressCallback } from "../src/callback/adapters/express-callback.js";
import { fastifyCallback } from "../src/callback/adapters/fastify-callback.js";
import { fetchCallback } from "../src/callback/adapters/fetch-callback.js";
import { nodeCallback } from "../src/callback/adapters/node-callback.js";
import type { CallbackHandler } from "../src/index.js";

export const ADAPTERS = ["node", "express", "fastify", "fetch"] as const;
export type AdapterName = (typeof ADAPTERS)[number];

export interface Visit {
  status: number;
  text: string;
  headers: Headers;
  location: string | null;
}

export interface CallbackServer {
  /** The callback URL to publish in the definition. */
  callbackUrl: string;
  /** Opens a URL on this server as a browser tab would (no redirects followed). */
  visit(url: string, init?: { method?: string; headers?: Record<string, string> }): Promise<Visit>;
  close(): Promise<void>;
}

const PATH = "/procountor/callback";

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function httpVisit(
  url: string,
  init: { method?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(url, { redirect: "manual", ...init });
  return {
    status: res.status,
    text: await res.text(),
    headers: res.headers,
    location: res.headers.get("location"),
  };
}

/** Serves `handler` through one adapter. */
export async function serveCallback(
  name: AdapterName,
  handler: CallbackHandler,
): Promise<CallbackServer> {
  if (name === "fetch") {
    const callback = fetchCallback(handler);
    const app = new Hono();
    app.all(PATH, (c) => callback.fetch(c.req.raw));
    return {
      callbackUrl: `https://acme.example${PATH}`,
      async visit(url, init = {}) {
        const res = await app.fetch(new Request(url, init));
        return {
          status: res.status,
          text: await res.text(),
          headers: res.headers,
          location: res.headers.get("location"),
        };
      },
      close: async () => {},
    };
  }
  if (name === "fastify") {
    const app = Fastify();
    await app.register(fastifyCallback, { handler });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    return { callbackUrl: `${base}${PATH}`, visit: httpVisit, close: () => app.close() };
  }
  let server: Server;
  if (name === "express") {
    const app = express();
    app.all(PATH, expressCallback(handler));
    server = createServer(app);
  } else {
    server = createServer(nodeCallback(handler));
  }
  const base = await listen(server);
  return { callbackUrl: `${base}${PATH}`, visit: httpVisit, close: () => closeServer(server) };
}
