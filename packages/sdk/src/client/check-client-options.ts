import { PcxError } from "../errors/index.js";
import { type ClientOptions, PRODUCTION_BASE_URL } from "./client-options.js";
import { stripUserinfo } from "./redact.js";

/** Throws `pcx_missing_credentials` unless every named field is a non-blank string. */
export function checkCredentials(
  credentials: Partial<Record<string, unknown>> | undefined,
  fields: readonly string[],
): void {
  const missing = fields.filter((field) => {
    const value = credentials?.[field];
    return typeof value !== "string" || value.trim() === "";
  });
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
}

/**
 * Checks `baseUrl`: an http(s) URL without a user name or password (a
 * password in the URL would reach every trace and error). The message shows
 * the URL with any userinfo removed.
 */
export function checkBaseUrl(baseUrl: unknown): string {
  const shown = typeof baseUrl === "string" ? stripUserinfo(baseUrl) : String(baseUrl);
  if (typeof baseUrl !== "string" || !URL.canParse(baseUrl)) {
    throw new PcxError("pcx_config", `baseUrl is not an http(s) URL: ${shown}`, {
      hint: `Use e.g. ${PRODUCTION_BASE_URL}.`,
      details: { option: "baseUrl" },
    });
  }
  const url = new URL(baseUrl);
  if (!/^https?:$/.test(url.protocol)) {
    throw new PcxError("pcx_config", `baseUrl is not an http(s) URL: ${shown}`, {
      hint: `Use e.g. ${PRODUCTION_BASE_URL}.`,
      details: { option: "baseUrl" },
    });
  }
  if (url.username !== "" || url.password !== "") {
    throw new PcxError(
      "pcx_config",
      `baseUrl must not hold a user name or password: ${stripUserinfo(baseUrl)}`,
      {
        hint: "Remove the user:password@ part; the client authenticates with its M2M credentials.",
        details: { option: "baseUrl" },
      },
    );
  }
  return baseUrl.replace(/\/+$/, "");
}

/** The checks a new client makes before anything else: credentials and base URL. */
export function checkClientOptions(options: ClientOptions, needApiKey: boolean): string {
  checkCredentials(
    options?.credentials as unknown as Partial<Record<string, unknown>> | undefined,
    needApiKey ? ["clientId", "clientSecret", "apiKey"] : ["clientId", "clientSecret"],
  );
  return checkBaseUrl(options.baseUrl ?? PRODUCTION_BASE_URL);
}
