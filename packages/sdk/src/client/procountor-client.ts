import type { RouteName, RouteResponse } from "../contract/index.js";
import {
  type ActivationRequestsResource,
  createActivationRequestsResource,
} from "./activation-requests-resource.js";
import { type ActivationsResource, createActivationsResource } from "./activations-resource.js";
import { checkClientOptions } from "./check-client-options.js";
import {
  type ClientOptions,
  defaultSleep,
  type EnvironmentClientOptions,
  RETRY_DEFAULTS,
} from "./client-options.js";
import { defaultTransport } from "./default-transport.js";
import { checkEnvironment, type EnvironmentSeed, environmentSeed } from "./environment-seed.js";
import { createIntegrationsResource, type IntegrationsResource } from "./integrations-resource.js";
import { createRateLimiter } from "./rate-limiter.js";
import { createRedactor, type Redactor } from "./redact.js";
import { createRequestExecutor, type Execute, type ExecuteInput } from "./request-executor.js";
import { createTokenCache, type TokenCache } from "./token-cache.js";
import type { ClosableTransport, Transport } from "./transport.js";

/** Marks the options of a client made by `forEnvironment`; not part of the public options. */
const ENVIRONMENT = Symbol("pcx.environment");
type InternalOptions = ClientOptions & {
  [ENVIRONMENT]?: EnvironmentSeed & { parent: ClientOptions };
};

/**
 * The Procountor partner API client: M2M token exchange and cache, client-side
 * rate limit, retries with backoff and idempotency keys, validated responses,
 * redacted errors. Create one per set of credentials and reuse it: the token,
 * the limiter and the connection pool live in it. See docs/client.md.
 */
export class ProcountorClient {
  /** The API base URL in use. */
  readonly baseUrl: string;

  /** The options of the client at the root (shared by its environment clients, not copied). */
  readonly #options: ClientOptions;
  readonly #transport: Transport;
  readonly #ownTransport: ClosableTransport | undefined;
  readonly #execute: Execute;
  readonly #tokens: TokenCache;
  readonly #redactor: Redactor;
  #integrations: IntegrationsResource | undefined;
  #activationRequests: ActivationRequestsResource | undefined;
  #activations: ActivationsResource | undefined;

  constructor(options: ClientOptions) {
    const seed = (options as InternalOptions)?.[ENVIRONMENT];
    this.baseUrl = checkClientOptions(options, seed === undefined);
    this.#options = seed ? seed.parent : options;
    const { credentials } = options;
    const now = options.now ? () => options.now!().getTime() : Date.now;
    const sleep = options.sleep ?? defaultSleep;
    if (seed) this.#transport = seed.transport;
    else if (options.transport) this.#transport = options.transport;
    else {
      this.#ownTransport = defaultTransport();
      this.#transport = this.#ownTransport;
    }
    const redactor = createRedactor({
      clientSecret: credentials.clientSecret,
      ...(seed ? {} : { apiKey: credentials.apiKey }),
    });
    this.#redactor = redactor;
    const limiter =
      options.rateLimit === false
        ? undefined
        : createRateLimiter({
            ...options.rateLimit,
            // Injected clock for tests; otherwise the limiter's monotonic one.
            ...(options.now ? { now } : {}),
            sleep,
          });
    // An environment client's debug lines name its environment.
    const logger =
      seed && options.logger
        ? {
            debug: (message: string, data?: Record<string, unknown>) =>
              options.logger?.debug(message, { companyId: seed.companyId, ...data }),
          }
        : options.logger;
    const common = {
      baseUrl: this.baseUrl,
      transport: this.#transport,
      now,
      random: options.random ?? Math.random,
      sleep,
      retry: { ...RETRY_DEFAULTS, ...options.retry },
      ...(limiter ? { limiter } : {}),
      timeoutMs: options.timeoutMs ?? 30_000,
      userAgent: options.userAgent ?? "pcx-sdk",
      ...(logger ? { logger } : {}),
      redactor,
      clientId: credentials.clientId,
    };
    const tokenExecute = createRequestExecutor(common);
    const apiKey = seed
      ? async () => {
          const key = await seed.apiKey();
          redactor.set("apiKey", key);
          return key;
        }
      : () => Promise.resolve(credentials.apiKey);
    this.#tokens = createTokenCache({
      now,
      fetchToken: async () =>
        tokenExecute("getToken", {
          body: {
            grant_type: "client_credentials",
            client_id: credentials.clientId,
            client_secret: credentials.clientSecret,
            api_key: await apiKey(),
          },
        }),
      onToken: (token, expiresInSec) => {
        redactor.set("accessToken", token);
        logger?.debug("pcx token", { expiresInSec });
      },
    });
    this.#execute = createRequestExecutor({ ...common, tokens: this.#tokens });
  }

  /** Publish and read integration definitions and their limits. */
  get integrations(): IntegrationsResource {
    this.#integrations ??= createIntegrationsResource(this.#execute);
    return this.#integrations;
  }

  /** Read and decide activation requests. */
  get activationRequests(): ActivationRequestsResource {
    this.#activationRequests ??= createActivationRequestsResource(this.#execute);
    return this.#activationRequests;
  }

  /** Activations per environment, and deactivation. */
  get activations(): ActivationsResource {
    this.#activations ??= createActivationsResource(this.#execute);
    return this.#activations;
  }

  /**
   * Calls any route of the contract by name (`routes` in @pcx/sdk/contract),
   * with the same auth, limits, retries and validation as the resources.
   */
  request<N extends RouteName>(name: N, input?: ExecuteInput): Promise<RouteResponse<N>> {
    return this.#execute(name, input);
  }

  /**
   * A valid access token for these credentials (cached; refreshed before
   * expiry), for calling other Procountor endpoints as the technical user.
   * A secret: do not log it.
   */
  getAccessToken(signal?: AbortSignal): Promise<string> {
    return this.#tokens.get(signal);
  }

  /**
   * A client authenticated as the technical user of environment `companyId`:
   * the same client id and secret, that user's API key (`options.apiKey`, or
   * asked from the client option `technicalUserKey`). It shares this client's
   * transport and connection pool, and has its own token cache and rate
   * limiter. Cheap: make one per environment when you need it. Throws
   * `pcx_usage` for a bad company id and `pcx_missing_credentials` when no key
   * source is given; a failing `technicalUserKey` fails the call that needed the token.
   */
  forEnvironment(companyId: number, options: EnvironmentClientOptions = {}): ProcountorClient {
    checkEnvironment(companyId, options, this.#options.technicalUserKey);
    const parent = this.#options;
    const child: InternalOptions = {
      ...parent,
      credentials: { ...parent.credentials, apiKey: "" },
      ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
      [ENVIRONMENT]: {
        ...environmentSeed(companyId, options, parent.technicalUserKey, this.#transport),
        parent,
      },
    };
    return new ProcountorClient(child);
  }

  /** Redacts this client's secrets (and any secret-looking field) from `value`, for your own logs. */
  redact<T>(value: T): T {
    return this.#redactor.redact(value);
  }

  /**
   * Closes the default transport's connection pool (no-op for an injected
   * transport, and for a `forEnvironment` client, whose pool is its parent's).
   */
  async close(): Promise<void> {
    await this.#ownTransport?.close();
  }
}

/** Creates a `ProcountorClient`; see `ClientOptions` for every option and its default. */
export function createClient(options: ClientOptions): ProcountorClient {
  return new ProcountorClient(options);
}
