// The README's one command really works: against a sandbox, the start script
// publishes the example and prints a link; the customer who opens it is sent
// to the backend's contract form, and submitting it decides the request.
import { startExampleCommand } from "@pcx/testkit";
import { startTestSandbox } from "@pcx/testkit/sandbox";
import { expect, it } from "vitest";

// 30 s: it spawns a Node process that loads the built packages and the framework
// (about 1 s of CPU), then walks the customer through the link it printed.
it("starts with its README's one command, defers the link it prints and completes it", {
  timeout: 30_000,
}, async () => {
  const sandbox = await startTestSandbox();
  const started = await startExampleCommand(new URL("..", import.meta.url), {
    PCX_BASE_URL: sandbox.apiBaseUrl,
    PORT: "0",
  });
  try {
    const { requestId, callbackUrl } = await started.activate([1001]);
    const answer = await fetch(callbackUrl, { redirect: "manual" });
    expect(answer.status).toBe(303);
    const form = new URL(answer.headers.get("location") ?? "", callbackUrl);
    const done = await fetch(form, {
      method: "POST",
      body: new URLSearchParams({ contract: "AC-00042", answer: "contract" }),
    });
    expect(done.status).toBe(200);
    expect(sandbox.engine.getRequest(requestId).environments.map((e) => e.status)).toEqual([
      "APPROVED",
    ]);
    await started.waitFor("Kinnusen Metsäpalvelu Oy (1139638-9): approved");
  } finally {
    expect(await started.stop()).toBe(0);
  }
});
