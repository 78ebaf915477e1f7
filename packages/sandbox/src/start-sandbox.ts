import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { assembleSandbox, type Sandbox, sandboxAt } from "./create-sandbox.js";
import { DEMO_CREDENTIALS } from "./fixtures/demo-credentials.js";
import { answerProtocolErrors, nodeListener } from "./http/node-listener.js";
import { isLoopbackHostname } from "./http/request-guards.js";
import { resolveSandboxOptions, type SandboxOptions } from "./sandbox-options.js";

/** A sandbox listening on a port: `url` is where it listens; `fetch` still answers in process. */
export interface RunningSandbox extends Sandbox {
  /** e.g. http://127.0.0.1:4010 (no trailing slash). */
  readonly url: string;
}

/** True for listening interfaces that only this machine reaches. */
function isLoopbackInterface(host: string): boolean {
  if (host === "::1") return true;
  try {
    return isLoopbackHostname(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

/**
 * Starts the Procountor sandbox: the partner API under /api, the admin
 * routes under /sandbox, whatever handlers are given, and the customer's
 * pages at / (unless `pages: false`), served by node:http over the same
 * fetch core as `createSandbox`. Ready when the promise resolves. See docs/sandbox.md.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const o = resolveSandboxOptions(options);
  let publicUrl = `http://${o.host.includes(":") ? `[${o.host}]` : o.host}:${o.port}`;
  // Listening beyond loopback (`--host`) is a choice to serve other names; otherwise the
  // admin routes answer loopback Host names only (DNS rebinding).
  const anyHost = !isLoopbackInterface(o.host);
  const parts = assembleSandbox(o, () => publicUrl, anyHost);
  const server = createServer(
    // Missing Host is answered by the adapter, in Procountor's error shape.
    { requireHostHeader: false },
    nodeListener(parts.core, { fallbackOrigin: () => publicUrl, log: o.logger }),
  );
  answerProtocolErrors(server);
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => {
      server.off("error", reject);
      resolve();
    });
  }).catch((error: unknown) => {
    parts.close();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const host =
    o.host === "0.0.0.0" || o.host === "::"
      ? "127.0.0.1"
      : o.host.includes(":")
        ? `[${o.host}]`
        : o.host;
  publicUrl = `http://${host}:${address.port}`;
  if (anyHost) {
    o.logger.warn(
      `The sandbox listens on ${o.host}: its /sandbox admin routes have no authentication; anyone who can reach this port can change its state.`,
    );
  }
  o.logger.info(`Procountor sandbox listening on ${publicUrl}`, {
    api: `${publicUrl}/api`,
    clientId: DEMO_CREDENTIALS.clientId,
  });

  let closing: Promise<void> | undefined;
  return sandboxAt(parts, publicUrl, () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }).then(() => parts.close());
    return closing;
  });
}
