/**
 * The one list of environment variables pcx reads. Code reads them through
 * `readEnv` (whose name parameter only takes names from this list), `pcx help
 * environment` prints this list, and docs/cli.md's table lists the same names
 * (a test keeps the three in step).
 */
export const ENV_VARS = [
  { name: "PCX_PROFILE", effect: "the profile, when --profile is not given" },
  { name: "PCX_BASE_URL", effect: "the API base URL, when --base-url is not given" },
  {
    name: "PCX_CLIENT_ID",
    effect: "the API client's id; overrides the profile's (CI needs no pcx login)",
  },
  { name: "PCX_CLIENT_SECRET", effect: "the API client's secret; overrides the profile's" },
  { name: "PCX_API_KEY", effect: "the API key; overrides the profile's" },
  {
    name: "PCX_INTEGRATION_ID",
    effect:
      "the integration to act on, when --integration is not given (else the one pcx define saved in the profile)",
  },
  {
    name: "PCX_STATE_SECRET",
    effect:
      "the HMAC secret (at least 32 bytes) pcx link --state signs with, instead of the profile's",
  },
  {
    name: "PCX_STATE_KEY_ID",
    effect:
      "the key id signed into the state (default k1); alone, without PCX_STATE_SECRET, it is refused (exit 4)",
  },
  {
    name: "PCX_STORE",
    effect:
      "the activation store pcx requests approve, pcx worker and pcx store migrate use, when --store is not given (sqlite:PATH, a file path, or postgres://…)",
  },
  {
    name: "PCX_KEYRING",
    effect:
      "the keyring that seals those keys: ID:BASE64KEY[,ID:BASE64KEY…], oldest first, the last one seals (openssl rand -base64 32)",
  },
  {
    name: "PCX_CONFIG_DIR",
    effect:
      "where pcx keeps its config (default $XDG_CONFIG_HOME/pcx or ~/.config/pcx; ~/Library/Preferences/pcx on macOS; %APPDATA%\\pcx on Windows)",
  },
  { name: "XDG_CONFIG_HOME", effect: "the base of the default config directory (Linux)" },
  { name: "APPDATA", effect: "the base of the default config directory (Windows)" },
  { name: "NO_COLOR", effect: "any value turns colour off" },
  { name: "FORCE_COLOR", effect: "1 turns colour on, also when the output is not a terminal" },
  { name: "TERM", effect: "dumb turns colour off" },
  { name: "CI", effect: "any value but 0 or false turns prompts and spinners off" },
] as const;

/** A name from `ENV_VARS`. */
export type EnvName = (typeof ENV_VARS)[number]["name"];

/** The variable's value, or undefined when it is unset or blank. */
export function readEnv(env: NodeJS.ProcessEnv, name: EnvName): string | undefined {
  const value = env[name];
  return value !== undefined && value.trim() !== "" ? value : undefined;
}

/** True for a variable set to anything but blank, `0` or `false` (CI, FORCE_COLOR). */
export function envFlag(env: NodeJS.ProcessEnv, name: EnvName): boolean {
  const value = readEnv(env, name);
  return value !== undefined && value !== "0" && value !== "false";
}
