/** Parses a Cookie header; malformed pairs are skipped, never thrown on. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!name || name in out) continue;
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      // A value that is not valid percent-encoding is ignored.
    }
  }
  return out;
}

/** A Set-Cookie value: HttpOnly, SameSite=Lax, Path=/ (the sandbox runs on http://, so no Secure). */
export function serializeCookie(
  name: string,
  value: string,
  options: { maxAgeSeconds?: number } = {},
): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  return parts.join("; ");
}
