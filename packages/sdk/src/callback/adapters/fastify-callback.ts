// @pcx/sdk/callback/fastify: the callback handler as a Fastify plugin.
// Types are structural: Fastify is not a dependency of @pcx/sdk.
import type { IncomingMessage } from "node:http";
import type { CallbackHandler } from "../callback-options.js";
import { callbackOutputFor } from "./node-io.js";

export interface FastifyCallbackOptions {
  /** The handler from `createCallbackHandler`. Required. */
  handler: CallbackHandler;
  /** The route's path (under the plugin's prefix, if any). Default: "/procountor/callback". */
  path?: string;
}

/** The parts of a Fastify request the plugin reads. */
export interface FastifyRequestLike {
  raw: IncomingMessage;
}

/** The parts of a Fastify reply the plugin uses. */
export interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  header(name: string, value: string | string[]): FastifyReplyLike;
  send(payload?: unknown): FastifyReplyLike;
}

/** The part of a Fastify instance the plugin uses. */
export interface FastifyLike {
  route(options: {
    method: string[];
    url: string;
    exposeHeadRoute?: boolean;
    handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>;
  }): unknown;
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * A Fastify plugin (Fastify 4 and 5) that adds the callback route:
 * `app.register(fastifyCallback, { handler })`. GET and HEAD are answered
 * by the handler, the other methods with its 405. Reads the raw URL, so the
 * query is the one the browser sent.
 */
export async function fastifyCallback(
  fastify: FastifyLike,
  options: FastifyCallbackOptions,
): Promise<void> {
  const { handler } = options;
  fastify.route({
    method: METHODS,
    url: options.path ?? "/procountor/callback",
    exposeHeadRoute: false,
    async handler(request, reply) {
      const raw = request.raw;
      const output = await callbackOutputFor(handler, raw);
      const head = raw.method === "HEAD";
      if (output.kind === "page") {
        reply.code(output.status);
        for (const [name, value] of Object.entries(output.headers)) reply.header(name, value);
        return reply.send(head || output.body === null ? "" : output.body);
      }
      const { response } = output;
      reply.code(response.status);
      response.headers.forEach((value, name) => {
        if (name !== "set-cookie" && name !== "content-length") reply.header(name, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      return reply.send(head || !response.body ? "" : Buffer.from(await response.arrayBuffer()));
    },
  });
}
