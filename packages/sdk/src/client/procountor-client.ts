import type { RouteName, RouteResponse } from "../contract/index.js";
import { PcxError } from "../errors/index.js";
import {
  type ActivationRequestsResource,
  createActivationRequestsResource,
} from "./activation-requests-resource.js";
import { type ActivationsResource, createActivationsResource } from "./activations-resource.js";
import {
  type ClientOptions,
  defaultSleep,
  PRODUCTION_BASE_URL,
  RETRY_DEFAULTS,
} from "./client-options.js";
import { fetchTransport } from "./fetch-transport.js";
import { createIntegrationsResource, type IntegrationsResource } from "./integrations-resource.js";
import { createRateLimiter } from "./rate-limiter.js";
import { createRedactor, type Redactor } from "./redact.js";
import { createRequestExecutor, type Execute, type ExecuteInput } from "./request-executor.js";
import { createTokenCache, type TokenCache } from "./token-cache.js";
import type { Transport } from "./transport.js";

function checkOptions(options: ClientOptions): void {
  const credentials = options?.credentials;
  const missing = (["clientId", "clientSecret", "apiKey"] as const).filter(
    (field) => typeof credentials?.[field] !== "string" || credentials[field].trim() === "",
  );
  if (missing.length > 0) {
    throw new PcxError(
      "pcx_missing_credentials",
      `Missing M2M credentials: ${missing.map((field) => `credentials.${field}`).join(", ")}`,
      {
        hint: "Pass the API client's id and secret and the technical user's API key (pcx login, or PCX_CLIENT_ID / PCX_CLIENT_SECRET / PCX_API_KEY).",
        details: { missing },
      },
    );
  }
  const baseUrl = options.baseUrl ?? PRODUCTION_BASE_URL;
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new PcxError("pcx_config", `baseUrl is not an http(s) URL: ${baseUrl}`, {
      hint: `Use e.g. ${PRODUCTION_BASE_URL}.`,
    });
  }
}

/**
 * The Procountor partner API client: M2M token exchange and cache, client-side
 * rate limit, retries with backoff and idempotency keys, validated responses,
 * redacted errors. Create one per set of credentials and reuse it: the token,
 * the limiter and the connection pool live in it. See docs/client.md.
 */
export class ProcountorClient {
  /** Publish and read integration definitions and their limits. */
  readonly integrations: IntegrationsResource;
  /** Read and decide activation requests. */
  readonly activationRequests: ActivationRequestsResource;
  /** Activations per environment, and deactivation. */
  readonly activations: ActivationsResource;
  /** The API base URL in use. */
  readonly baseUrl: string;

  readonly #execute: Execute;
  readonly #tokens: TokenCache;
  readonly #redactor: Redactor;
  readonly #ownTransport: { close(): Promise<void> } | undefined;

  constructor(options: ClientOptions) {
    checkOptions(options);
    const { credentials } = options;
    this.baseUrl = (options.baseUrl ?? PRODUCTION_BASE_URL).replace(/\/+$/, "");
    const now = options.now ? () => options.now!().getTime() : Date.now;
    const sleep = options.sleep ?? defaultSleep;
    let transport: Transport;
    if (options.transport) transport = options.transport;
    else {
      const own = fetchTransport();
      this.#ownTransport = own;
      transport = own;
    }
    this.#redactor = createRedactor({
      clientSecret: credentials.clientSecret,
      apiKey: credentials.apiKey,
    });
    const limiter =
      options.rateLimit === false
        ? undefined
        : createRateLimiter({ ...options.rateLimit, now, sleep });
    const common = {
      baseUrl: this.baseUrl,
      transport,
      now,
      random: options.random ?? Math.random,
      sleep,
      retry: { ...RETRY_DEFAULTS, ...options.retry },
      ...(limiter ? { limiter } : {}),
      timeoutMs: options.timeoutMs ?? 30_000,
      userAgent: options.userAgent ?? "pcx-sdk",
      ...(options.logger ? { logger: options.logger } : {}),
      redactor: this.#redactor,
      clientId: credentials.clientId,
    };
    const tokenExecute = createRequestExecutor(common);
    this.#tokens = createTokenCache({
      now,
      fetchToken: () =>
        tokenExecute("getToken", {
          body: {
            grant_type: "client_credentials",
            client_id: credentials.clientId,
            client_secret: credentials.clientSecret,
            api_key: credentials.apiKey,
          },
        }),
      onToken: (token, expiresInSec) => {
        this.#redactor.set("accessToken", token);
        options.logger?.debug("pcx token", { expiresInSec });
      },
    });
    this.#execute = createRequestExecutor({ ...common, tokens: this.#tokens });
    this.integrations = createIntegrationsResource(this.#execute);
    this.activationRequests = createActivationRequestsResource(this.#execute);
    this.activations = createActivationsResource(this.#execute);
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

  /** Redacts this client's secrets (and any secret-looking field) from `value`, for your own logs. */
  redact<T>(value: T): T {
    return this.#redactor.redact(value);
  }

  /** Closes the default transport's connection pool (no-op for an injected transport). */
  async close(): Promise<void> {
    await this.#ownTransport?.close();
  }
}

/** Creates a `ProcountorClient`; see `ClientOptions` for every option and its default. */
export function createClient(options: ClientOptions): ProcountorClient {
  return new ProcountorClient(options);
}
