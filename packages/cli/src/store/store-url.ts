import { PcxError } from "@pcx/sdk";
import type { CliContext } from "../context.js";
import { openProfileStore } from "../profiles/profile-store.js";
import { resolveProfileName } from "../profiles/resolve-connection.js";

/** The store URL a command uses, and where it came from. */
export interface StoreUrl {
  url: string;
  source: "--store" | "PCX_STORE_URL" | "profile";
}

/** Hides a password in a store URL (`postgres://user:secret@host` → `postgres://user:***@host`). */
export function redactStoreUrl(url: string): string {
  return url.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]*@/gi, "$1***@");
}

/**
 * `--store URL`, else PCX_STORE_URL, else the profile's `store`. The URL
 * names SQLite (`sqlite:./pcx.db`) or PostgreSQL (`postgres://…`); see
 * docs/stores.md. Without one: pcx_usage (exit 2) naming the three ways.
 */
export async function resolveStoreUrl(
  ctx: Pick<CliContext, "env" | "profile">,
  flag: string | undefined,
  command: string,
): Promise<StoreUrl> {
  if (flag?.trim()) return { url: flag.trim(), source: "--store" };
  const fromEnv = ctx.env.PCX_STORE_URL?.trim();
  if (fromEnv) return { url: fromEnv, source: "PCX_STORE_URL" };
  const profiles = await openProfileStore(ctx.env);
  const { name } = resolveProfileName(ctx, profiles);
  const saved = profiles.get(name)?.store?.trim();
  if (saved) return { url: saved, source: "profile" };
  throw new PcxError("pcx_usage", `${command} needs a store: none was given`, {
    hint: "Pass --store sqlite:./pcx.db (or postgres://user@host:5432/db), set PCX_STORE_URL, or save `store` in the profile.",
  });
}
