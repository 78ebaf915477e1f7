// The Express and Fastify examples' READMEs' one command really works: against
// a sandbox, the start script publishes the example, prints a link, and its
// backend (Acme's handler behind Express or Fastify) answers the customer who
// opens it: approved for Acme's customer, rejected with the reason otherwise.
import { startExampleCommand } from "@pcx/testkit";
import { startTestSandbox } from "@pcx/testkit/sandbox";
import { expect, it } from "vitest";

// 30 s: each spawns a Node process that loads the built packages and the
// framework (about 1 s of CPU), then walks the customer through the link it printed.
it.for(["express-backend", "fastify-backend"])(
  "%s starts with its README's one command and decides the link it prints",
  { timeout: 30_000 },
  async (example) => {
    const sandbox = await startTestSandbox();
    const started = await startExampleCommand(new URL(`../../${example}/`, import.meta.url), {
      PCX_BASE_URL: sandbox.apiBaseUrl,
      PORT: "0",
    });
    try {
      expect(started.output()).toContain("published now and approved by the sandbox's reviewer");
      const { requestId, callbackUrl } = await started.activate([1001, 1005]);
      const answer = await fetch(callbackUrl, { redirect: "manual" });
      expect(answer.status).toBe(200);
      expect(sandbox.engine.getRequest(requestId).environments.map((e) => e.status)).toEqual([
        "APPROVED",
        "REJECTED",
      ]);
      await started.waitFor('Niemen Leipomo Oy (1982927-3): rejected: "This company has no Acme');
      expect(started.output()).toContain("Kinnusen Metsäpalvelu Oy (1139638-9): approved");
    } finally {
      expect(await started.stop()).toBe(0);
    }
    expect(started.output()).toContain("Stopped.");
  },
);
