import type { Program } from "./create-program.js";
import type { Invoke } from "./invoker.js";

export function declareLogin(program: Program, invoke: Invoke): void {
  program
    .command("login")
    .summary("save API credentials in a profile")
    .description(
      "Save the API client's credentials in a profile (--profile; default: the saved default, else production), after checking them with a token exchange. Secrets come from stdin, PCX_CLIENT_SECRET / PCX_API_KEY, or a prompt without echo on a terminal.",
    )
    .option("--client-id <id>", "the API client's id (else PCX_CLIENT_ID, else asked)")
    .option("--client-secret-stdin", "read the client secret from stdin (first line)")
    .option(
      "--api-key-stdin",
      "read the API key from stdin (first line; second when --client-secret-stdin is given too)",
    )
    .option("--no-verify", "save without checking the credentials")
    .option("--default", "make this the profile used when --profile is not given")
    .action((options, cmd) =>
      invoke(cmd, () => import("../commands/login.js"), {
        clientId: options.clientId,
        clientSecretStdin: options.clientSecretStdin === true,
        apiKeyStdin: options.apiKeyStdin === true,
        baseUrlFlag: cmd.optsWithGlobals().baseUrl,
        verify: options.verify,
        makeDefault: options.default === true,
      }),
    );
}
