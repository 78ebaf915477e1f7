import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { PcxError } from "@pcx/sdk";
import { readEnv } from "../env-vars.js";
import {
  type ConfigDocument,
  holdsSecrets,
  parseConfigDocument,
  type StoredProfile,
  StoredProfileSchema,
  serializeConfigDocument,
} from "./config-document.js";
import { readConfigText, writeConfigText } from "./config-file.js";

export type { StoredProfile } from "./config-document.js";

/** The one door to pcx's saved configuration (config-document.ts parses it, config-file.ts writes it). */
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
  const chosen = readEnv(env, "PCX_CONFIG_DIR");
  if (chosen) return resolve(chosen);
  if (process.platform === "win32") {
    return join(readEnv(env, "APPDATA") ?? join(homedir(), "AppData", "Roaming"), "pcx");
  }
  if (process.platform === "darwin") return join(homedir(), "Library", "Preferences", "pcx");
  return join(readEnv(env, "XDG_CONFIG_HOME") ?? join(homedir(), ".config"), "pcx");
}

/**
 * Opens the config file (`config.json` in `configDir(env)`). Nothing is
 * created until something is saved: then the directory (0700) and the file
 * (0600) when missing. A file with wrong types is pcx_config naming the file
 * and the field (exit 4). See config-file.ts for what pcx refuses to write where.
 */
export async function openProfileStore(env: NodeJS.ProcessEnv): Promise<ProfileStore> {
  const dir = configDir(env);
  const path = join(dir, "config.json");
  const text = readConfigText(path);
  let document = text === undefined ? emptyDocument() : parseConfigDocument(text, path);
  /** Applies `change` to a copy, saves the copy, and only then keeps it: a refused save changes nothing. */
  const commit = (change: (next: ConfigDocument) => void) => {
    const next = { defaultProfile: document.defaultProfile, profiles: new Map(document.profiles) };
    change(next);
    writeConfigText(path, serializeConfigDocument(next), holdsSecrets(next));
    document = next;
  };
  return {
    path,
    dir,
    defaultProfile: () => document.defaultProfile,
    setDefaultProfile(name) {
      commit((next) => {
        next.defaultProfile = name;
      });
    },
    get: (name) => document.profiles.get(name),
    list: () => Object.fromEntries(document.profiles),
    update(name, patch) {
      checkProfileName(name);
      const merged: Record<string, unknown> = { ...document.profiles.get(name) };
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) delete merged[key];
        else merged[key] = value;
      }
      const profile = StoredProfileSchema.parse(merged);
      commit((next) => next.profiles.set(name, profile));
      return profile;
    },
    remove(name) {
      if (!document.profiles.has(name)) return false;
      commit((next) => {
        next.profiles.delete(name);
        if (next.defaultProfile === name) next.defaultProfile = undefined;
      });
      return true;
    },
  };
}

function emptyDocument(): ConfigDocument {
  return { defaultProfile: undefined, profiles: new Map() };
}
