import type { AdvancedClock } from "./advance-clock.js";
import { SandboxEngine } from "./engine/sandbox-engine.js";
import { DEMO_CREDENTIALS, type SandboxCredentials } from "./fixtures/demo-credentials.js";
import { seedDemoFixtures } from "./fixtures/demo-fixtures.js";
import { createAdminGroup } from "./http/admin-group.js";
import { createApiGroup } from "./http/api-group.js";
import { createChaos } from "./http/chaos.js";
import { isDrop } from "./http/http-io.js";
import type { RouteGroup } from "./http/route-group.js";
import { createSandboxCore, type SandboxFetchCore } from "./http/sandbox-core.js";
import type { SandboxHandler } from "./http/sandbox-handler.js";
import { createStats, type SandboxStats } from "./http/sandbox-stats.js";
import { createPagesGroup } from "./pages/pages-group.js";
import {
  type ResolvedSandboxOptions,
  resolveSandboxOptions,
  type SandboxOptions,
} from "./sandbox-options.js";
import { openStore } from "./store/open-store.js";

/** The sandbox in this process: an engine and a `fetch` that answers like the server would. */
export interface Sandbox {
  /** The sandbox's public URL, no trailing slash: `http://sandbox.localhost` in process, the listening URL from `startSandbox`. */
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
   * The whole sandbox as a `fetch`: a Request (or URL and init) in, the
   * Response the server would send out, without a socket. A path such as
   * "/sandbox/health" is resolved against `url`. Redirects are answered, not
   * followed; a connection chaos drops rejects with a TypeError, as fetch does.
   */
  readonly fetch: typeof fetch;
  /**
   * Moves the sandbox's clock forward by `ms` and expires what is due: tests
   * make requests time out and tokens age without waiting. Over HTTP:
   * `POST /sandbox/clock` or the `advanceClock(url, by)` helper.
   */
  advanceClock(ms: number): AdvancedClock;
  /** Adds a handler after the built-in ones and those from options (before the customer's pages). */
  use(handler: SandboxHandler): void;
  /** Stops timers and closes the store (and the server, from `startSandbox`). Idempotent. */
  close(): Promise<void>;
}

/** The public URL of a sandbox that does not listen: a loopback name (RFC 6761) that no request leaves the process for. */
export const IN_PROCESS_URL = "http://sandbox.localhost";

const EXPIRY_SWEEP_MS = 1_000;
const PRUNE_EVERY_MS = 3_600_000;

/** The parts startSandbox puts behind a server. */
export interface SandboxParts {
  engine: SandboxEngine;
  stats: SandboxStats;
  core: SandboxFetchCore;
  handlers: SandboxHandler[];
  fetch: typeof fetch;
  close(): void;
}

/** Rejects when `signal` aborts first, like fetch. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Builds the sandbox's store, engine, route groups and fetch core, and starts its timers. */
export function assembleSandbox(
  o: ResolvedSandboxOptions,
  publicUrl: () => string,
  anyHost: boolean,
): SandboxParts {
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
  const engine = new SandboxEngine({
    store,
    now: o.now,
    requestTtlMs: o.requestTtlMs,
    tokenTtlSeconds: o.tokenTtlSeconds,
    publicUrl,
  });
  const stats = createStats();
  const chaos =
    o.chaos > 0
      ? createChaos({ rate: o.chaos, seed: o.seed, retryAfterSeconds: o.chaosRetryAfterSeconds })
      : undefined;
  const groups: RouteGroup[] = [
    createApiGroup({
      chaos,
      latencyMs: o.latencyMs,
      validateResponses: o.validateResponses,
      stats,
      log: o.logger,
    }),
    createAdminGroup({ stats, anyHost }),
    ...(o.pages
      ? [createPagesGroup({ priceListUrl: o.priceListUrl, handoffWaitMs: o.handoffWaitMs })]
      : []),
  ];
  const handlers = [...o.handlers];
  const core = createSandboxCore({
    engine,
    groups,
    handlers: () => handlers,
    publicUrl,
    log: o.logger,
  });

  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
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

  const inProcessFetch = async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    const target = typeof input === "string" && input.startsWith("/") ? publicUrl() + input : input;
    const request = new Request(target, init);
    const response = await untilAborted(core(request), request.signal);
    if (isDrop(response))
      throw new TypeError("fetch failed", {
        cause: new Error("The sandbox dropped the connection (chaos)."),
      });
    if (request.method === "HEAD")
      return new Response(null, { status: response.status, headers: response.headers });
    return response;
  };

  return {
    engine,
    stats,
    core,
    handlers,
    fetch: inProcessFetch as typeof fetch,
    close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      store.close();
    },
  };
}

/**
 * The sandbox in this process, without a port: `sandbox.fetch` answers
 * every route of the server (the API, the admin routes, the customer's
 * pages). Tests run the SDK client against it with
 * `fetchTransport({ fetch: sandbox.fetch })`. `port` and
 * `host` are ignored; the admin routes take loopback names only, as
 * `sandbox.url` is. See docs/sandbox.md "In process".
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const o = resolveSandboxOptions(options);
  const parts = assembleSandbox(o, () => IN_PROCESS_URL, false);
  return sandboxAt(parts, IN_PROCESS_URL, async () => parts.close());
}

/** The `Sandbox` its caller holds: assembled `parts` answering at `url`, closed by `close`. */
export function sandboxAt(parts: SandboxParts, url: string, close: () => Promise<void>): Sandbox {
  return {
    url,
    apiBaseUrl: `${url}/api`,
    credentials: { ...DEMO_CREDENTIALS },
    engine: parts.engine,
    stats: parts.stats,
    fetch: parts.fetch,
    advanceClock: (ms) => parts.engine.advanceClock(ms),
    use(handler) {
      parts.handlers.push(handler);
    },
    close,
  };
}
