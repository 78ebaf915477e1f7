import { type ClientCredentials, isPcxError, PcxError } from "@pcx/sdk";
import { createCliClient } from "../api/session.js";
import { defineCommand } from "../command.js";
import type { CliContext } from "../context.js";
import { readEnv } from "../env-vars.js";
import { withProgress } from "../io/progress.js";
import { askSecret, askText } from "../io/prompts.js";
import { readStdinLines } from "../io/read-stdin.js";
import { builtinProfile } from "../profiles/builtin-profiles.js";
import { openProfileStore } from "../profiles/profile-store.js";
import {
  CREDENTIAL_ENV,
  resolveConnection,
  resolveProfileName,
} from "../profiles/resolve-connection.js";

export interface LoginInput {
  /** `--client-id`; else PCX_CLIENT_ID; else asked on a TTY. */
  clientId?: string;
  /** `--client-secret-stdin`: read the client secret from stdin (first line). */
  clientSecretStdin?: boolean;
  /** `--api-key-stdin`: read the API key from stdin (the line after the secret, if both). */
  apiKeyStdin?: boolean;
  /** `--base-url` as given on the command line: saved in the profile (PCX_BASE_URL is not saved). */
  baseUrlFlag?: string;
  /** `--no-verify` sets false: save without a token exchange. Default true. */
  verify?: boolean;
  /** `--default`: make this the profile used without --profile. */
  makeDefault?: boolean;
}

export interface LoginResult {
  profile: string;
  baseUrl: string;
  clientId: string;
  verified: boolean;
  default: boolean;
  configFile: string;
}

type Field = keyof ClientCredentials;

const FLAG: Record<Field, string> = {
  clientId: "--client-id ID",
  clientSecret: "--client-secret-stdin",
  apiKey: "--api-key-stdin",
};

async function fromStdin(
  input: LoginInput,
  stdin: CliContext["stdin"],
): Promise<Partial<ClientCredentials>> {
  const wanted = [
    ...(input.clientSecretStdin ? (["clientSecret"] as const) : []),
    ...(input.apiKeyStdin ? (["apiKey"] as const) : []),
  ];
  if (wanted.length === 0) return {};
  // On a terminal, "stdin" is the keyboard: ask without echo instead of reading raw input.
  if (stdin.isTTY) return {};
  const lines = await readStdinLines(stdin);
  const values: Partial<ClientCredentials> = {};
  wanted.forEach((field, index) => {
    const value = lines[index]?.trim();
    if (value) values[field] = value;
  });
  if (Object.keys(values).length < wanted.length) {
    throw new PcxError(
      "pcx_usage",
      `stdin had ${lines.length} line(s); ${wanted.length === 2 ? "--client-secret-stdin and --api-key-stdin need two: the secret, then the API key" : `${FLAG[wanted[0]!]} needs the value on the first line`}.`,
      { hint: `e.g. printf '%s\\n' "$SECRET" | pcx login ${FLAG[wanted[0]!]} …` },
    );
  }
  return values;
}

/**
 * `pcx login`: saves the API client's credentials in a profile, after
 * checking them with a token exchange (unless --no-verify). Secrets come from
 * stdin, env or a no-echo prompt, never from a flag's value (shell history).
 */
export default defineCommand<LoginInput, LoginResult>({
  async run(input, ctx) {
    const store = await openProfileStore(ctx.env);
    const { name: profile } = resolveProfileName(ctx, store);
    const stored = store.get(profile);
    const builtin = builtinProfile(profile);
    // --base-url or PCX_BASE_URL (ctx.baseUrl) when given, checked; only the flag is saved.
    const { baseUrl } = resolveConnection(ctx, store);

    const env = (field: Field) => readEnv(ctx.env, CREDENTIAL_ENV[field])?.trim();
    const piped = await fromStdin(input, ctx.stdin);
    const values: Partial<ClientCredentials> = {
      clientId: input.clientId?.trim() || env("clientId"),
      clientSecret: piped.clientSecret ?? env("clientSecret"),
      apiKey: piped.apiKey ?? env("apiKey"),
    };
    const missing = () => (Object.keys(FLAG) as Field[]).filter((f) => !values[f]);
    if (missing().length > 0 && ctx.interactive) {
      ctx.out.stderr(`Logging in to profile "${profile}" (${baseUrl}).`);
      values.clientId ??= await askText({
        message: "API client id",
        default: stored?.clientId ?? builtin?.credentials?.clientId,
      });
      values.clientSecret ??= await askSecret("Client secret (not shown)");
      values.apiKey ??= await askSecret("API key (not shown)");
    }
    if (missing().length > 0 && builtin?.credentials) {
      // The sandbox profile: the public demo values fill what was not given.
      for (const field of missing()) values[field] = builtin.credentials[field];
    }
    if (missing().length > 0) {
      throw new PcxError(
        "pcx_usage",
        `Missing for a non-interactive login: ${missing()
          .map((f) => `${FLAG[f]} (or ${CREDENTIAL_ENV[f]})`)
          .join(", ")}.`,
        {
          hint: `e.g. printf '%s\\n%s\\n' "$SECRET" "$API_KEY" | pcx login --profile ${profile} --client-id ID --client-secret-stdin --api-key-stdin`,
          details: { missing: missing() },
        },
      );
    }
    const credentials = values as ClientCredentials;

    const verify = input.verify !== false;
    if (verify) {
      const client = createCliClient(ctx, baseUrl, credentials);
      try {
        await withProgress(
          ctx,
          `Checking the credentials at ${baseUrl}`,
          () => client.getAccessToken(),
          () => "Credentials accepted",
        );
      } catch (error) {
        if (isPcxError(error) && (error.code === "pcx_network" || error.code === "pcx_timeout")) {
          throw new PcxError(error.code, error.message, {
            hint: `Nothing was saved. Check the API base URL (${baseUrl}; --base-url), or pass --no-verify to save without checking.`,
            cause: error,
          });
        }
        throw error;
      } finally {
        await client.close();
      }
    }

    const sameClient = stored?.clientId === credentials.clientId;
    store.update(profile, {
      ...credentials,
      ...(input.baseUrlFlag ? { baseUrl } : {}),
      // Another API client cannot see the old client's integration.
      ...(sameClient ? {} : { integration: undefined }),
    });
    const makeDefault = input.makeDefault === true || store.defaultProfile() === undefined;
    if (makeDefault) store.setDefaultProfile(profile);
    return {
      profile,
      baseUrl,
      clientId: credentials.clientId,
      verified: verify,
      default: store.defaultProfile() === profile,
      configFile: store.path,
    };
  },
  async render(result, ctx) {
    const paint = await ctx.out.paint();
    const check = result.verified
      ? "checked with a token exchange"
      : paint.yellow("not checked (--no-verify)");
    return [
      `${paint.green("✔")} Saved credentials for profile ${paint.bold(result.profile)} (${result.baseUrl}), client id ${result.clientId}: ${check}.`,
      `  File: ${result.configFile} (readable by you only).${result.default ? ` "${result.profile}" is the default profile.` : ` Use it with --profile ${result.profile}.`}`,
    ].join("\n");
  },
});
