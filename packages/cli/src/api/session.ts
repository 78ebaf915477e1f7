import { createClient, isPcxError, PcxError, type ProcountorClient } from "@pcx/sdk";
import type { Integration } from "@pcx/sdk/contract";
import type { CliContext } from "../context.js";
import { openProfileStore, type ProfileStore } from "../profiles/profile-store.js";
import {
  type Connection,
  type IntegrationRef,
  noIntegrationError,
  requireCredentials,
  resolveConnection,
  resolveIntegration,
} from "../profiles/resolve-connection.js";
import { PCX_VERSION } from "../version.js";
import { createHttpTrace } from "./http-trace.js";

/**
 * Retries for the CLI: more attempts than the SDK's default (4), because a
 * person or a CI job waiting a few seconds longer beats a failed publish; the
 * idempotency keys make every retry safe. At a 25 % fault rate (the sandbox's
 * --chaos 0.3 less its harmless latency faults) 8 attempts leave about 1 call
 * in 65,000 failing.
 */
export const CLI_RETRY = { maxAttempts: 8, maxElapsedMs: 60_000 } as const;

const PROFILE_SOURCE: Record<Connection["profileSource"], string> = {
  override: "--profile or PCX_PROFILE",
  default: "the saved default",
  "built-in": "no profile chosen",
};

/** A command's connection to the API: the resolved profile, its client, and the saved config. */
export interface Session {
  readonly connection: Connection;
  readonly client: ProcountorClient;
  readonly store: ProfileStore;
  /** --integration, PCX_INTEGRATION_ID, or the profile's; undefined when none is known. */
  integration(flag: number | undefined): IntegrationRef | undefined;
  /** Like `integration()`, but pcx_config (exit 4) when none is known. */
  requireIntegration(flag: number | undefined): IntegrationRef;
  /** Remembers the integration in the profile, for this API base URL. */
  saveIntegration(id: number): void;
}

export function createCliClient(
  ctx: Pick<CliContext, "verbose" | "out" | "client">,
  baseUrl: string,
  credentials: Parameters<typeof createClient>[0]["credentials"],
): ProcountorClient {
  return createClient({
    baseUrl,
    credentials,
    retry: CLI_RETRY,
    userAgent: `pcx/${PCX_VERSION}`,
    ...(ctx.verbose ? { logger: createHttpTrace((line) => ctx.out.stderr(line)) } : {}),
    ...ctx.client,
  });
}

/**
 * Opens the profile store, resolves the connection (flags, env, profile),
 * checks the credentials (pcx_missing_credentials, exit 4) and runs `work`
 * with a client, closing its connection pool afterwards.
 */
export async function withSession<T>(
  ctx: CliContext,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const store = await openProfileStore(ctx.env);
  const connection = resolveConnection(ctx, store);
  const credentials = requireCredentials(connection);
  const client = createCliClient(ctx, connection.baseUrl, credentials);
  if (ctx.verbose) {
    ctx.out.stderr(
      `· profile "${connection.profile}" (${PROFILE_SOURCE[connection.profileSource]}), API ${connection.baseUrl}, client id ${credentials.clientId}`,
    );
  }
  const session: Session = {
    connection,
    client,
    store,
    integration: (flag) => resolveIntegration(flag, ctx, connection),
    requireIntegration(flag) {
      const ref = resolveIntegration(flag, ctx, connection);
      if (!ref) throw noIntegrationError(connection);
      return ref;
    },
    saveIntegration(id) {
      store.update(connection.profile, { integration: { id, baseUrl: connection.baseUrl } });
    },
  };
  try {
    return await work(session);
  } finally {
    await client.close();
  }
}

/**
 * Runs `work`, which reads the integration `ref`; a 404 from it gets a hint
 * naming where the id came from (--integration, PCX_INTEGRATION_ID or the
 * profile) and how to fix it.
 */
export async function explainMissingIntegration<T>(
  session: Session,
  ref: IntegrationRef,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isPcxError(error) && error.code === "pcx_not_found") {
      const from = {
        flag: "--integration",
        env: "PCX_INTEGRATION_ID",
        profile: `profile "${session.connection.profile}"`,
      }[ref.source];
      throw new PcxError(error.code, error.message, {
        hint: `Integration ${ref.id} (from ${from}) does not exist for these credentials at ${session.connection.baseUrl}. Check the id, or publish with "pcx define".`,
        ...(error.details ? { details: error.details } : {}),
        cause: error,
      });
    }
    throw error;
  }
}

/** GET the integration; a 404 names where the id came from and how to fix it. */
export function fetchIntegration(session: Session, ref: IntegrationRef): Promise<Integration> {
  return explainMissingIntegration(session, ref, () => session.client.integrations.get(ref.id));
}
