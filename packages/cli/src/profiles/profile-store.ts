import { chmodSync, mkdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { PcxError } from "@pcx/sdk";

/**
 * What pcx keeps per profile. Secrets (`clientSecret`, `apiKey`,
 * `stateSecret`) live only in this file (0600, in a 0700 directory) and are
 * never printed, except the state secret on explicit request
 * (`pcx profiles --show-state-secret`).
 */
export interface StoredProfile {
  /** API base URL saved by `pcx login --base-url`; default: the built-in profile's or production. */
  baseUrl?: string;
  clientId?: string;
  clientSecret?: string;
  apiKey?: string;
  /** The integration `pcx define` created, with the API base it lives at (ignored at another base). */
  integration?: { id: number; baseUrl: string };
  /** HMAC key for `pcx link --state`, generated on first use (base64url of 32 random bytes). */
  stateSecret?: string;
  /** Key id signed into states; default "k1". */
  stateKeyId?: string;
  /** The activation store's URL (`sqlite:PATH`, `postgres://…`) for pcx worker and pcx store; may hold a password. */
  store?: string;
}

interface ConfigDocument {
  defaultProfile?: string;
  profiles?: Record<string, StoredProfile>;
}

/** The one door to pcx's saved configuration (conf 13 behind it, loaded lazily). */
export interface ProfileStore {
  /** The config file, e.g. ~/.config/pcx/config.json. */
  readonly path: string;
  readonly dir: string;
  defaultProfile(): string | undefined;
  setDefaultProfile(name: string | undefined): void;
  get(name: string): StoredProfile | undefined;
  list(): Record<string, StoredProfile>;
  /** Merges `patch` into the profile (creating it); keys set to `undefined` are removed. */
  update(name: string, patch: Partial<Record<keyof StoredProfile, unknown>>): StoredProfile;
  /** Deletes the profile; false when there was none. */
  remove(name: string): boolean;
}

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** Profile names: 1-40 of letters, digits, `_` and `-`, starting with a letter or digit. */
export function checkProfileName(name: string): string {
  if (!PROFILE_NAME.test(name)) {
    throw new PcxError("pcx_usage", `"${name}" is not a valid profile name.`, {
      hint: "Use 1-40 letters, digits, '_' or '-', e.g. sandbox, test, production, acme-ci.",
    });
  }
  return name;
}

/**
 * Where pcx keeps its config: `PCX_CONFIG_DIR` when set, else the platform's
 * config directory (`$XDG_CONFIG_HOME/pcx` or `~/.config/pcx`;
 * `~/Library/Preferences/pcx` on macOS; `%APPDATA%\pcx` on Windows).
 */
export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.PCX_CONFIG_DIR) return resolve(env.PCX_CONFIG_DIR);
  if (process.platform === "win32") {
    return join(env.APPDATA ?? join(homedir(), "AppData", "Roaming"), "pcx");
  }
  if (process.platform === "darwin") return join(homedir(), "Library", "Preferences", "pcx");
  return join(env.XDG_CONFIG_HOME || join(homedir(), ".config"), "pcx");
}

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/** Owner-only: the directory 0700, the file 0600, also when they existed with wider modes. */
function restrict(path: string, mode: number): void {
  try {
    if ((statSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

function configError(path: string, error: unknown): PcxError {
  const reason = error instanceof Error ? error.message : String(error);
  return new PcxError("pcx_config", `Cannot use the pcx config file ${path}: ${reason}`, {
    hint: "Fix or delete the file (pcx login writes a new one), or point PCX_CONFIG_DIR elsewhere.",
    cause: error,
  });
}

export async function openProfileStore(env: NodeJS.ProcessEnv): Promise<ProfileStore> {
  const dir = configDir(env);
  const path = join(dir, "config.json");
  const { default: Conf } = await import("conf");
  let conf: InstanceType<typeof Conf<ConfigDocument>>;
  try {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    restrict(dir, DIR_MODE);
    restrict(path, FILE_MODE);
    conf = new Conf<ConfigDocument>({
      cwd: dir,
      configName: "config",
      configFileMode: FILE_MODE,
      accessPropertiesByDotNotation: false,
    });
  } catch (error) {
    throw configError(path, error);
  }
  const profiles = (): Record<string, StoredProfile> => ({ ...(conf.get("profiles") ?? {}) });
  const write = (key: keyof ConfigDocument, value: unknown) => {
    try {
      if (value === undefined) conf.delete(key);
      else conf.set(key, value as never);
      restrict(path, FILE_MODE);
    } catch (error) {
      throw configError(path, error);
    }
  };
  return {
    path,
    dir,
    defaultProfile: () => conf.get("defaultProfile"),
    setDefaultProfile: (name) => write("defaultProfile", name),
    get: (name) => profiles()[name],
    list: profiles,
    update(name, patch) {
      checkProfileName(name);
      const all = profiles();
      const next: Record<string, unknown> = { ...all[name] };
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) delete next[key];
        else next[key] = value;
      }
      all[name] = next as StoredProfile;
      write("profiles", all);
      return all[name];
    },
    remove(name) {
      const all = profiles();
      if (!(name in all)) return false;
      delete all[name];
      write("profiles", all);
      if (conf.get("defaultProfile") === name) write("defaultProfile", undefined);
      return true;
    },
  };
}
