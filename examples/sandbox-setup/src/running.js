// A running example backend's handle: where its Node HTTP server listens,
// and how to stop it.

/**
 * @param {import("node:http").Server} server A listening server.
 * @param {import("@pcx/sdk").CallbackHandler} handler
 * @param {() => Promise<void>} closeHandler Runs after the server stopped (closes the store and the client).
 * @returns {import("./backend-options.js").RunningBackend}
 */
export function running(server, handler, closeHandler) {
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
      await closeHandler();
    },
  };
}
