import type { TokenRequest, TokenResponse } from "@pcx/sdk/contract";
import { authenticate, introspect, issueToken, type Principal } from "./auth.js";
import type { EngineRun } from "./engine-run.js";
import { expireDueRequests } from "./request-status.js";
import { dumpState, type SandboxState } from "./state-dump.js";

/** Tokens for every caller, and the sandbox's own housekeeping (expiry sweep, pruning, the state dump). */
export function sandboxOperations(run: EngineRun) {
  return {
    /** POST /oauth/token; throws OAuthFailure. */
    issueToken(form: TokenRequest): TokenResponse {
      return run((ctx) => issueToken(ctx, form));
    },
    /** Resolves a bearer token; throws a 401 SandboxError. */
    authenticate(token: string | undefined): Principal {
      return run((ctx) => authenticate(ctx, token));
    },
    introspect(token: string): ReturnType<typeof introspect> {
      return run((ctx) => introspect(ctx, token));
    },
    /** Expires pending requests past their time (also done before every call); returns their ids. */
    expireDueRequests(): number[] {
      // No implicit sweep first: it would expire them all and leave nothing to report.
      return run((ctx) => expireDueRequests(ctx), { sweep: false });
    },
    /** Forgets idempotency answers and expired tokens older than `maxAgeMs`. */
    prune(maxAgeMs = 24 * 3600_000): void {
      run((ctx) => {
        const before = new Date(ctx.now().getTime() - maxAgeMs).toISOString();
        ctx.store.idempotency.prune(before);
        ctx.store.credentials.pruneTokens(before);
      });
    },
    /** A dump for invariant tests (no secrets). */
    dumpState(): SandboxState {
      return run((ctx) => dumpState(ctx));
    },
  };
}

export type SandboxOperations = ReturnType<typeof sandboxOperations>;
