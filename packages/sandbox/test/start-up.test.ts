import { expect, it } from "vitest";
import { startSandbox } from "../src/index.js";

it("is ready well under 2 s (fresh in-memory state, fixtures seeded)", async () => {
  const started = performance.now();
  const s = await startSandbox({ port: 0 });
  const ready = performance.now() - started;
  try {
    const health = await fetch(`${s.url}/sandbox/health`);
    expect(health.status).toBe(200);
    expect(s.apiBaseUrl).toBe(`${s.url}/api`);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  } finally {
    await s.close();
  }
  expect(ready).toBeLessThan(2000);
});

it("refuses a port in use with the listen error", async () => {
  const s = await startSandbox({ port: 0 });
  try {
    const port = Number(new URL(s.url).port);
    await expect(startSandbox({ port })).rejects.toThrow(/EADDRINUSE/);
  } finally {
    await s.close();
  }
});

it("approves definitions automatically with autoReview", async () => {
  const s = await startSandbox({ port: 0, autoReview: true, autoReviewDelayMs: 10 });
  try {
    const created = s.engine.createIntegration(s.credentials.clientId, {
      name: "Auto",
      description: "Reviewed automatically by the sandbox.",
      links: {
        privacyPolicy: "https://a.example/p",
        termsOfService: "https://a.example/t",
        support: "https://a.example/s",
      },
      callbackUrl: "https://a.example/cb",
      billing: "environment",
      technicalUser: {
        username: "auto-user",
        rights: [{ right: "reports", level: "view", purpose: "Reads reports for dashboards." }],
      },
    });
    await expect
      .poll(() => s.engine.getIntegration(s.credentials.clientId, created.id).published?.version, {
        timeout: 2000,
      })
      .toBe(1);
  } finally {
    await s.close();
  }
});
