import { isPcxError, PcxError } from "../errors/index.js";
import { describeValue } from "../text/describe-value.js";
import type { EnvironmentClientOptions } from "./client-options.js";
import type { Transport } from "./transport.js";

/** What a `forEnvironment` client takes from its parent besides the options. */
export interface EnvironmentSeed {
  companyId: number;
  /** The technical user's API key, asked for at every token exchange. */
  apiKey: () => Promise<string>;
  /** The parent's transport: one connection pool for every environment. */
  transport: Transport;
}

type KeyProvider = ((companyId: number) => Promise<string>) | undefined;

/** Throws `pcx_usage` / `pcx_missing_credentials` before a `forEnvironment` client is made. */
export function checkEnvironment(
  companyId: unknown,
  options: EnvironmentClientOptions,
  provider: KeyProvider,
): void {
  if (!Number.isSafeInteger(companyId) || (companyId as number) <= 0) {
    throw new PcxError(
      "pcx_usage",
      `forEnvironment: companyId must be a positive integer, got ${describeValue(companyId)}`,
      { hint: "Pass the environment's company id (companyId), e.g. 1001." },
    );
  }
  if (options.apiKey !== undefined) {
    if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
      throw new PcxError(
        "pcx_missing_credentials",
        `forEnvironment(${companyId}): options.apiKey is empty`,
        {
          hint: "Pass the technical user's API key from the approval, or leave it out to use technicalUserKey.",
        },
      );
    }
    return;
  }
  if (typeof provider !== "function") {
    throw new PcxError(
      "pcx_missing_credentials",
      `forEnvironment(${companyId}) needs the technical user's API key: pass options.apiKey, or the client option technicalUserKey`,
      {
        hint: "createClient({ …, technicalUserKey: (companyId) => store.openKey(companyId) }) looks keys up for every environment.",
      },
    );
  }
}

/** The seed of one environment client; the key comes from `options.apiKey` or the provider. */
export function environmentSeed(
  companyId: number,
  options: EnvironmentClientOptions,
  provider: KeyProvider,
  transport: Transport,
): EnvironmentSeed {
  const fixed = options.apiKey;
  const apiKey =
    fixed !== undefined
      ? () => Promise.resolve(fixed)
      : async () => {
          let key: unknown;
          try {
            key = await (provider as (companyId: number) => Promise<string>)(companyId);
          } catch (cause) {
            if (isPcxError(cause)) throw cause;
            // The provider's message is not quoted: it may hold what it was opening.
            throw new PcxError(
              "pcx_missing_credentials",
              `technicalUserKey(${companyId}) failed, so no token could be asked for this environment`,
              {
                hint: "Check the store or keyring that technicalUserKey reads; the environment may not be activated.",
                details: { companyId, reason: cause instanceof Error ? cause.name : typeof cause },
              },
            );
          }
          if (typeof key !== "string" || key.trim() === "") {
            throw new PcxError(
              "pcx_missing_credentials",
              `technicalUserKey(${companyId}) returned no API key`,
              {
                hint: "The environment may not be activated, or its key was removed.",
                details: { companyId },
              },
            );
          }
          return key;
        };
  return { companyId, apiKey, transport };
}
