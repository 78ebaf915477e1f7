// The README's one command really works: against a sandbox, the start script
// publishes the example, prints a link, and answers the customer who opens it.
import { customerAgent, startExampleCommand } from "@pcx/testkit";
import { startTestSandbox } from "@pcx/testkit/sandbox";
import { expect, it } from "vitest";

// 30 s: it spawns a Node process that loads the built packages and the framework
// (about 1 s of CPU), then walks the customer through the link it printed.
it("starts with its README's one command and decides the link it prints", {
  timeout: 30_000,
}, async () => {
  const sandbox = await startTestSandbox();
  const started = await startExampleCommand(new URL("..", import.meta.url), {
    PCX_BASE_URL: sandbox.apiBaseUrl,
    PORT: "0",
  });
  try {
    expect(started.output()).toContain("published now and approved by the sandbox's reviewer");
    const integrationId = Number(/\/activate\/(\d+)$/.exec(started.link.pathname)?.[1]);
    const customer = customerAgent(sandbox.url);
    await customer.signIn();
    const requestId = await customer.activate(
      integrationId,
      [1001, 1005],
      started.link.searchParams.get("state") ?? "",
    );
    const answer = await fetch(await customer.callbackHref(requestId), { redirect: "manual" });
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
});
