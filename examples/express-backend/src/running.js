// The running backend's handle: where it listens, and how to stop it.

/**
 * @param {import("node:http").Server} server A listening server.
 * @param {import("@pcx/sdk").CallbackHandler} handler
 * @param {Array<{ close(): Promise<void> }>} resources Closed after the server (the store, the client).
 * @returns {import("sandbox-setup").RunningBackend}
 */
export function running(server, handler, resources) {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const host = typeof address === "object" && address?.family === "IPv6" ? "[::1]" : "127.0.0.1";
  const url = `http://${host}:${port}`;
  return {
    url,
    callbackUrl: `${url}/procountor/callback`,
    handler,
    async close() {
      await new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      });
      for (const resource of resources) await resource.close();
    },
  };
}
