import { PcxError } from "@pcx/sdk";

/** Where a base URL came from, for the message: the flag, the environment, or a saved profile. */
export type BaseUrlOrigin =
  | { kind: "flag" }
  | { kind: "env" }
  | { kind: "profile"; profile: string; file?: string };

/** Where a base URL came from, given what the context holds (--base-url wins over PCX_BASE_URL). */
export function overrideOrigin(ctx: { env: NodeJS.ProcessEnv; baseUrl?: string }): BaseUrlOrigin {
  return ctx.env.PCX_BASE_URL !== undefined && ctx.env.PCX_BASE_URL === ctx.baseUrl
    ? { kind: "env" }
    : { kind: "flag" };
}

/** localhost, 127.0.0.0/8 and [::1]: the only hosts pcx talks to over plain http. */
export function isLoopbackHost(hostname: string): boolean {
  // The URL parser has normalised the host: "127.1" and "0x7f.0.0.1" are "127.0.0.1" here.
  return (
    hostname === "localhost" ||
    hostname === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

function name(origin: BaseUrlOrigin): string {
  if (origin.kind === "flag") return "--base-url";
  if (origin.kind === "env") return "PCX_BASE_URL";
  return `the base URL of profile "${origin.profile}"`;
}

/**
 * The API base URL without trailing slashes, or an error naming where the URL
 * came from: an https URL, or http only to this machine (localhost,
 * 127.0.0.0/8, [::1]; the sandbox), since pcx sends the client secret and the
 * API key to it. No `user:password@` part (it would end up in traces).
 * A bad `--base-url` is pcx_usage (exit 2); a bad PCX_BASE_URL or saved value
 * is pcx_config (exit 4).
 */
export function checkBaseUrl(value: string, origin: BaseUrlOrigin): string {
  const code = origin.kind === "flag" ? "pcx_usage" : "pcx_config";
  const where = origin.kind === "profile" && origin.file ? ` (in ${origin.file})` : "";
  const fail = (problem: string, hint: string) =>
    new PcxError(code, `${name(origin)} ${problem}${where}.`, {
      hint,
      details: { source: origin.kind },
    });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Quoted without a user:password@ part, should the text hold one.
    throw fail(
      `must be an http(s) URL, got "${value.replace(/\/\/[^/]*@/, "//…@")}"`,
      "e.g. --base-url https://pts-api.procountor.com/api, or http://localhost:4010/api for the sandbox",
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw fail(
      `must be an http(s) URL, got "${url.protocol}" in "${url.origin === "null" ? url.protocol : url.origin}"`,
      "e.g. --base-url https://pts-api.procountor.com/api",
    );
  }
  if (url.username || url.password) {
    throw fail(
      "must not contain a user name or password (the part before @)",
      "pcx signs in with the client id, client secret and API key; remove the user:password@ part",
    );
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw fail(
      `must use https:// for a remote host, got http://${url.host}`,
      "Plain http is allowed only for this machine (localhost, 127.0.0.1, [::1]), e.g. the pcx sandbox; the credentials would cross the network unencrypted.",
    );
  }
  return value.replace(/\/+$/, "");
}
