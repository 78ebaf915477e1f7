import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { SandboxEngine } from "../engine/sandbox-engine.js";
import type { UserRow } from "../store/directory-repo.js";
import { serializeCookie } from "./cookies.js";

/** The cookie that says which demo user is signed in. */
export const SESSION_COOKIE = "pcx_sandbox_session";

/**
 * Sign-in without passwords (a sandbox): the cookie holds the demo user's id
 * with an HMAC, so a hand-edited cookie does not switch users. The key lives
 * in memory; a restart signs everybody out.
 */
export function createSessions(secret: Buffer = randomBytes(32)) {
  const mac = (value: string) => createHmac("sha256", secret).update(value).digest("base64url");
  return {
    /** Set-Cookie for signing `userId` in. */
    signIn(userId: number): string {
      const value = String(userId);
      return serializeCookie(SESSION_COOKIE, `${value}.${mac(value)}`);
    },
    /** Set-Cookie that signs out. */
    signOut(): string {
      return serializeCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0 });
    },
    /** The signed-in user, or undefined for no, a forged or a stale cookie. */
    userOf(cookieValue: string | undefined, engine: SandboxEngine): UserRow | undefined {
      if (!cookieValue) return undefined;
      const dot = cookieValue.indexOf(".");
      if (dot <= 0) return undefined;
      const value = cookieValue.slice(0, dot);
      const given = Buffer.from(cookieValue.slice(dot + 1));
      const expected = Buffer.from(mac(value));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      if (!/^\d{1,9}$/.test(value)) return undefined;
      return engine.getUser(Number(value));
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
