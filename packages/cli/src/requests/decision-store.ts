import { isAbsolute, resolve } from "node:path";
import {
  type ActivationStore,
  createKeyring,
  createMemoryStore,
  hideUrlPassword,
  type Keyring,
  PcxError,
} from "@pcx/sdk";
import type { CliContext } from "../context.js";
import { readEnv } from "../env-vars.js";

/** Where approved keys go: a store with a keyring, or nowhere but stdout (`--show-keys`). */
export interface DecisionStore {
  store: ActivationStore;
  /** The keyring that seals keys; false when the keys are printed instead. */
  sealer: Keyring | false;
  /** The store URL as shown to people (no password); undefined for the in-memory store. */
  shown: string | undefined;
  close(): Promise<void>;
}

/** `--store` as openStore wants it: a URL as given, or a file path as `sqlite:<absolute path>`. */
export function storeUrl(value: string, cwd: string): string {
  if (/^(postgres(ql)?:\/\/|sqlite:)/i.test(value)) return value;
  return `sqlite:${isAbsolute(value) ? value : resolve(cwd, value)}`;
}

/**
 * PCX_KEYRING: `ID:BASE64KEY[,ID:BASE64KEY…]`, oldest first; the last key
 * seals new values (e.g. `2026-03:q3Jf…=`; make a key with
 * `openssl rand -base64 32`). Throws pcx_config naming the variable.
 */
export function keyringFromEnv(env: NodeJS.ProcessEnv): Keyring | undefined {
  const text = readEnv(env, "PCX_KEYRING")?.trim();
  if (!text) return undefined;
  const keys = text.split(",").map((entry, index) => {
    const at = entry.indexOf(":");
    if (at < 1) {
      throw new PcxError(
        "pcx_config",
        `PCX_KEYRING entry ${index + 1} is not ID:BASE64KEY (no key id before ":").`,
        {
          hint: "Set PCX_KEYRING=k1:$(openssl rand -base64 32); several keys comma-separated, newest last.",
        },
      );
    }
    return { id: entry.slice(0, at).trim(), key: entry.slice(at + 1).trim() };
  });
  try {
    return createKeyring({ keys });
  } catch (error) {
    throw new PcxError(
      "pcx_config",
      `PCX_KEYRING is not valid: ${error instanceof Error ? error.message : String(error)}.`,
      {
        hint: "Format: ID:BASE64KEY[,ID:BASE64KEY…], each key 32 random bytes (openssl rand -base64 32).",
      },
    );
  }
}

/** `--store`, else PCX_STORE; undefined when none. */
export function configuredStore(
  flag: string | undefined,
  ctx: Pick<CliContext, "env">,
): string | undefined {
  return flag ?? readEnv(ctx.env, "PCX_STORE");
}

/** The store a command needs, resolved: the full URL, how to show it, and where it came from. */
export interface RequiredStore {
  url: string;
  /** The URL without its password. */
  shown: string;
  source: "--store" | "PCX_STORE";
}

/**
 * `--store`, else PCX_STORE, as openStore wants it (pcx worker, pcx store
 * migrate). Without either: pcx_usage (exit 2) naming both.
 */
export function requireStoreUrl(
  flag: string | undefined,
  ctx: Pick<CliContext, "env" | "cwd">,
  command: string,
): RequiredStore {
  const given = flag?.trim() ? flag.trim() : undefined;
  const value = given ?? readEnv(ctx.env, "PCX_STORE")?.trim();
  if (!value) {
    throw new PcxError(
      "pcx_usage",
      `${command} needs a store: neither --store nor PCX_STORE is set.`,
      {
        hint: "Pass --store sqlite:./pcx.db (or postgres://user@host:5432/db), or set PCX_STORE.",
      },
    );
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
  if (scheme && !/^postgres(ql)?$/i.test(scheme)) {
    throw new PcxError("pcx_config", `${command}: a ${scheme}:// store is not supported.`, {
      hint: "Use sqlite:PATH (or a file path) or postgres://user@host:5432/db.",
    });
  }
  const url = storeUrl(value, ctx.cwd);
  return { url, shown: hideUrlPassword(url), source: given ? "--store" : "PCX_STORE" };
}

/** PCX_KEYRING, required (pcx worker seals the keys it approves): pcx_config naming it when unset. */
export function requireKeyring(ctx: Pick<CliContext, "env">, command: string): Keyring {
  const keyring = keyringFromEnv(ctx.env);
  if (!keyring) {
    throw new PcxError(
      "pcx_config",
      `PCX_KEYRING is not set: ${command} seals the approved environments' API keys with it before they are stored.`,
      {
        hint: "Set PCX_KEYRING=k1:$(openssl rand -base64 32), the same keyring as your backend's, kept in your secret manager.",
      },
    );
  }
  return keyring;
}

/** Opens the configured store with the PCX_KEYRING keyring (pcx_config when it is required and missing). */
export async function openDecisionStore(
  url: string,
  ctx: Pick<CliContext, "env" | "cwd">,
  options: { requireKeyring: boolean },
): Promise<DecisionStore> {
  const keyring = keyringFromEnv(ctx.env);
  const full = storeUrl(url, ctx.cwd);
  if (!keyring && options.requireKeyring) {
    throw new PcxError(
      "pcx_config",
      `A store is configured (${hideUrlPassword(full)}) but PCX_KEYRING is not set, so the approved API keys cannot be sealed.`,
      {
        hint: "Set PCX_KEYRING=ID:BASE64KEY (e.g. k1:$(openssl rand -base64 32)), the same keyring your backend opens the keys with.",
      },
    );
  }
  const { openStore } = await import("@pcx/store-sql");
  const store = await openStore({ url: full });
  return {
    store,
    sealer: keyring ?? false,
    shown: hideUrlPassword(full),
    close: () => store.close(),
  };
}

/** A memory store: for rejections without a store, and approvals with `--show-keys`. */
export function memoryDecisionStore(): DecisionStore {
  // Deliberate and short-lived: no production warning.
  const store = createMemoryStore({ onWarning: () => {} });
  return { store, sealer: false, shown: undefined, close: () => store.close() };
}
