import { API_ERROR_CODES } from "@pcx/sdk/contract";
import { SandboxError } from "../sandbox-error.js";

/**
 * True for names that reach only this machine: localhost and *.localhost
 * (RFC 6761), 127.0.0.0/8 and ::1 (also as an IPv4-mapped address). Takes a
 * WHATWG URL's `hostname`, which is already canonical (`127.1` and `0x7f.1`
 * arrive as 127.0.0.1).
 */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return true;
  return name === "[::1]" || name === "[::ffff:7f00:1]" || /^\[::ffff:7f[0-9a-f]{2}:/.test(name);
}

/**
 * Refuses (403) a request whose Host is not a loopback name: a web page
 * that rebinds its own DNS name to 127.0.0.1 reaches the sandbox as
 * same-origin, but its requests still carry its own name in Host.
 */
export function requireLoopbackHost(url: URL): void {
  if (isLoopbackHostname(url.hostname)) return;
  throw new SandboxError(
    403,
    API_ERROR_CODES.FORBIDDEN,
    `The sandbox's admin routes answer only loopback names (localhost, 127.0.0.1, [::1]), not ${url.hostname.slice(0, 100)}. Start the sandbox with --host to serve other names.`,
    "Host",
  );
}

/**
 * Why a request came from another site, or undefined when it did not (or
 * cannot tell: non-browser clients send neither header). Browsers send
 * `Origin` with every POST, and `Sec-Fetch-Site` with every request; a
 * page on another port of 127.0.0.1 is "same-site" for cookies
 * (SameSite=Lax lets its POSTs carry them) but not same-origin, so it is
 * refused here.
 */
export function crossOriginReason(request: Request, url: URL): string | undefined {
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== url.origin)
    return `Origin ${origin.slice(0, 100)} is not ${url.origin}`;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none")
    return `Sec-Fetch-Site is ${site.slice(0, 40)}`;
  return undefined;
}
