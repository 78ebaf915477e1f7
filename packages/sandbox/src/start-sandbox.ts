import type { AddressInfo } from "node:net";
import type { AdvancedClock } from "./advance-clock.js";
import { SandboxEngine } from "./engine/sandbox-engine.js";
import { DEMO_CREDENTIALS, type SandboxCredentials } from "./fixtures/demo-credentials.js";
import { seedDemoFixtures } from "./fixtures/demo-fixtures.js";
import { createAdminHandler } from "./http/admin-handler.js";
import { createApiHandler } from "./http/api-handler.js";
import { createChaos } from "./http/chaos.js";
import { createSandboxServer } from "./http/create-sandbox-server.js";
import type { SandboxHandler } from "./http/sandbox-handler.js";
import { createStats, type SandboxStats } from "./http/sandbox-stats.js";
import { createPagesHandler } from "./pages/pages-handler.js";
import { resolveSandboxOptions, type SandboxOptions } from "./sandbox-options.js";
import { openStore } from "./store/open-store.js";

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:4010 (no trailing slash). */
  readonly url: string;
  /** `${url}/api`: the base URL for the SDK client. */
  readonly apiBaseUrl: string;
  /** The demo integrator's credentials (DEMO_CREDENTIALS). */
  readonly credentials: SandboxCredentials;
  /** The in-process engine (the pages and tests call it directly). */
  readonly engine: SandboxEngine;
  /** Counters of API requests, injected faults and idempotent replays. */
  readonly stats: SandboxStats;
  /**
   * Moves the sandbox's clock forward by `ms` and expires what is due: tests
   * make requests time out and tokens age without waiting. Over HTTP:
   * `POST /sandbox/clock` or the `advanceClock(url, by)` helper.
   */
  advanceClock(ms: number): AdvancedClock;
  /** Adds a handler after the built-in ones and those from options (before the customer's pages). */
  use(handler: SandboxHandler): void;
  /** Stops listening, drops open connections, stops timers and closes the store. Idempotent. */
  close(): Promise<void>;
}

const EXPIRY_SWEEP_MS = 1_000;
const PRUNE_EVERY_MS = 3_600_000;

/**
 * Starts the Procountor sandbox: the partner API under /api, the admin
 * routes under /sandbox, whatever handlers are given, and the customer's
 * pages at / (unless `pages: false`). Ready when the promise resolves. See docs/sandbox.md.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const o = resolveSandboxOptions(options);
  const store = openStore(o.dataFile);
  try {
    const seeded = seedDemoFixtures(store, o.seed, o.now());
    const storedSeed = store.getMeta("fixturesSeed");
    if (!seeded && storedSeed !== String(o.seed)) {
      o.logger.warn(
        `The state file was seeded with seed ${storedSeed}; keeping its fixtures (seed ${o.seed} applies to chaos only).`,
      );
    }
  } catch (error) {
    store.close();
    throw error;
  }
  let publicUrl = `http://${o.host}:${o.port}`;
  const engine = new SandboxEngine({
    store,
    now: o.now,
    requestTtlMs: o.requestTtlMs,
    tokenTtlSeconds: o.tokenTtlSeconds,
    publicUrl: () => publicUrl,
  });
  const stats = createStats();
  const chaos =
    o.chaos > 0
      ? createChaos({ rate: o.chaos, seed: o.seed, retryAfterSeconds: o.chaosRetryAfterSeconds })
      : undefined;
  const handlers: SandboxHandler[] = [
    createApiHandler({
      chaos,
      latencyMs: o.latencyMs,
      validateResponses: o.validateResponses,
      stats,
    }),
    createAdminHandler({ stats }),
    ...o.handlers,
  ];
  // The customer's pages answer every other path ("/"), so they stay last, after `use()`d handlers too.
  const catchAll: SandboxHandler[] = o.pages
    ? [createPagesHandler({ priceListUrl: o.priceListUrl })]
    : [];
  const server = createSandboxServer({
    engine,
    handlers: () => (catchAll.length > 0 ? [...handlers, ...catchAll] : handlers),
    publicUrl: () => publicUrl,
    log: o.logger,
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => {
      server.off("error", reject);
      resolve();
    });
  }).catch((error: unknown) => {
    store.close();
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
  if (!["127.0.0.1", "localhost", "::1"].includes(o.host)) {
    o.logger.warn(
      `The sandbox listens on ${o.host}: its /sandbox admin routes have no authentication; anyone who can reach this port can change its state.`,
    );
  }

  const timers = new Set<NodeJS.Timeout>();
  const every = (ms: number, fn: () => void) => {
    const timer = setInterval(() => {
      try {
        fn();
      } catch (error) {
        o.logger.error(`sandbox timer failed: ${(error as Error).message}`);
      }
    }, ms);
    timer.unref();
    timers.add(timer);
  };
  every(EXPIRY_SWEEP_MS, () => engine.expireDueRequests());
  every(PRUNE_EVERY_MS, () => engine.prune());

  let closed = false;
  const autoReview = (integrationId: number, version: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (closed) return;
      try {
        engine.reviewIntegration(integrationId, "approve", {
          version,
          comment: "Approved automatically (sandbox autoReview).",
        });
        o.logger.info(`auto-review approved integration ${integrationId} version ${version}`);
      } catch {
        // Superseded or reviewed by hand in the meantime: nothing to do.
      }
    }, o.autoReviewDelayMs);
    timer.unref();
    timers.add(timer);
  };
  if (o.autoReview) {
    engine.onChange((event) => {
      if (event.type === "version-submitted") autoReview(event.integrationId, event.version);
    });
    for (const pending of engine.listInReview()) autoReview(pending.integrationId, pending.version);
  }

  o.logger.info(`Procountor sandbox listening on ${publicUrl}`, {
    api: `${publicUrl}/api`,
    clientId: DEMO_CREDENTIALS.clientId,
  });
  return {
    url: publicUrl,
    apiBaseUrl: `${publicUrl}/api`,
    credentials: { ...DEMO_CREDENTIALS },
    engine,
    stats,
    advanceClock: (ms) => engine.advanceClock(ms),
    use(handler) {
      handlers.push(handler);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}
