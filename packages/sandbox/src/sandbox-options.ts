import type { SandboxHandler } from "./http/sandbox-handler.js";
import { HANDOFF_WAIT_MS } from "./pages/handoff.js";
import { DEFAULT_PRICE_LIST_URL } from "./pages/pricing-note.js";
import { type SandboxLogger, SILENT_LOGGER } from "./sandbox-logger.js";

export type { SandboxLogger } from "./sandbox-logger.js";

export interface SandboxOptions {
  /** TCP port. Default: 4010. 0 picks a free port (tests). Ignored by `createSandbox`. */
  port?: number;
  /**
   * Interface to listen on. Default: "127.0.0.1" (loopback only). On a
   * loopback interface the admin routes answer loopback Host names only (DNS
   * rebinding); on any other they answer every name. Ignored by `createSandbox`.
   */
  host?: string;
  /**
   * SQLite file that keeps the state across restarts. Default: in memory
   * (everything is lost on close). A restart on the same file keeps
   * integrations, requests, activations, keys and tokens.
   */
  dataFile?: string;
  /** Seed of the fixtures (company names, business ids) and of the chaos sequence. Default: 1. */
  seed?: number;
  /** Approve every submitted definition version automatically after `autoReviewDelayMs`. Default: false. */
  autoReview?: boolean;
  /** Delay before an auto-review, in ms. Default: 1000. */
  autoReviewDelayMs?: number;
  /** Share of /api requests that get a fault (0..1): 500, 503, 429, dropped connections, latency. Default: 0. */
  chaos?: number;
  /** Retry-After (seconds) sent with chaos's 429s. Default: 1. */
  chaosRetryAfterSeconds?: number;
  /** Fixed latency added to every /api request, in ms. Default: 0. */
  latencyMs?: number;
  /** Pending activation requests expire after this long, in ms. Default: 900000 (15 min). */
  requestTtlMs?: number;
  /** Lifetime of access tokens (`expires_in`), in seconds. Default: 3600. */
  tokenTtlSeconds?: number;
  /**
   * The base clock (injectable for tests: expiry, token lifetime). The
   * sandbox's time is this plus whatever `advanceClock` added. Default: real time.
   */
  now?: () => Date;
  /** Log sink. Default: silent. */
  logger?: SandboxLogger;
  /**
   * Validate every API answer against the contract's response schema; a
   * mismatch is a sandbox bug answered as 500. Default: true.
   */
  validateResponses?: boolean;
  /**
   * More handlers, tried after /api and /sandbox, in order (before the
   * customer's pages, which answer every other path). Default: none. See `SandboxHandler`.
   */
  handlers?: SandboxHandler[];
  /**
   * Serve the customer's pages (sign-in, the activation link's steps, status
   * pages, the front page and the update flow) at "/". Default: true.
   */
  pages?: boolean;
  /**
   * Where the environment step's "API price list" link goes. Default:
   * Procountor's support article on its API and its pricing
   * (`DEFAULT_PRICE_LIST_URL`); set it when Procountor moves its price list.
   */
  priceListUrl?: string;
  /**
   * How long the tab that the confirm click opens (`/handoff/{token}`) waits
   * for the first tab's post before it says the request was not sent, in ms.
   * Default: 10000.
   */
  handoffWaitMs?: number;
}

export type ResolvedSandboxOptions = Required<Omit<SandboxOptions, "dataFile">> & {
  dataFile: string | undefined;
};

export function resolveSandboxOptions(options: SandboxOptions): ResolvedSandboxOptions {
  const chaos = options.chaos ?? 0;
  if (!(chaos >= 0 && chaos <= 1))
    throw new RangeError(`chaos must be between 0 and 1, got ${chaos}`);
  const port = options.port ?? 4010;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError(`port must be 0..65535, got ${port}`);
  return {
    port,
    host: options.host ?? "127.0.0.1",
    dataFile: options.dataFile,
    seed: options.seed ?? 1,
    autoReview: options.autoReview ?? false,
    autoReviewDelayMs: options.autoReviewDelayMs ?? 1000,
    chaos,
    chaosRetryAfterSeconds: options.chaosRetryAfterSeconds ?? 1,
    latencyMs: options.latencyMs ?? 0,
    requestTtlMs: options.requestTtlMs ?? 15 * 60_000,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    now: options.now ?? (() => new Date()),
    logger: options.logger ?? SILENT_LOGGER,
    validateResponses: options.validateResponses ?? true,
    handlers: options.handlers ?? [],
    pages: options.pages ?? true,
    priceListUrl: options.priceListUrl ?? DEFAULT_PRICE_LIST_URL,
    handoffWaitMs: options.handoffWaitMs ?? HANDOFF_WAIT_MS,
  };
}
