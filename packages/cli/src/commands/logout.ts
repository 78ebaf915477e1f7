import { defineCommand } from "../command.js";
import { readEnv } from "../env-vars.js";
import { openProfileStore } from "../profiles/profile-store.js";
import { resolveProfileName } from "../profiles/resolve-connection.js";

export interface LogoutInput {
  /** `--forget`: delete the whole profile (its integration id and state secret too). */
  forget?: boolean;
}

export interface LogoutResult {
  profile: string;
  /** What was removed: "credentials", "profile", or "nothing" when there was nothing saved. */
  removed: "credentials" | "profile" | "nothing";
  /** Environment variables still providing credentials (they are not touched). */
  envStillSet: string[];
}

const ENV = ["PCX_CLIENT_ID", "PCX_CLIENT_SECRET", "PCX_API_KEY"] as const;

/**
 * `pcx logout`: removes the profile's saved credentials. The integration id
 * and the state secret stay (links already handed out are verified with that
 * secret) unless --forget deletes the whole profile.
 */
export default defineCommand<LogoutInput, LogoutResult>({
  async run(input, ctx) {
    const store = await openProfileStore(ctx.env);
    const { name: profile } = resolveProfileName(ctx, store);
    const stored = store.get(profile);
    let removed: LogoutResult["removed"] = "nothing";
    if (input.forget === true) {
      if (store.remove(profile)) removed = "profile";
    } else if (stored && (stored.clientId || stored.clientSecret || stored.apiKey)) {
      store.update(profile, { clientId: undefined, clientSecret: undefined, apiKey: undefined });
      removed = "credentials";
    }
    return {
      profile,
      removed,
      envStillSet: ENV.filter((name) => readEnv(ctx.env, name) !== undefined),
    };
  },
  render(result) {
    const lines = [
      {
        credentials: `Removed the saved credentials of profile "${result.profile}" (its integration id and state secret are kept; --forget removes them too).`,
        profile: `Deleted profile "${result.profile}".`,
        nothing: `Nothing saved for profile "${result.profile}"; nothing to remove.`,
      }[result.removed],
    ];
    if (result.envStillSet.length > 0) {
      lines.push(`Note: ${result.envStillSet.join(", ")} still set in the environment.`);
    }
    return lines.join("\n");
  },
});
