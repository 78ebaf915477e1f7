import type { PcxErrorCode } from "../../packages/sdk/src/errors/pcx-error.js";

/** What a reader needs when an error code appears: where it comes from, its cause, and what to do. */
export interface TroubleshootingEntry {
  /** Who raises it: the CLI, the SDK's client, the callback handler, a store. */
  from: string;
  cause: string;
  fix: string;
}

/**
 * One entry per `PcxError` code. The type makes a new code fail the type
 * check until it has an entry here; docs/troubleshooting.md is generated from
 * this list (scripts/docs), and a test checks the page has every code.
 */
export const TROUBLESHOOTING: Readonly<Record<PcxErrorCode, TroubleshootingEntry>> = {
  pcx_usage: {
    from: "CLI, SDK",
    cause:
      "A command line or an SDK call was refused before anything was sent: an unknown command or flag, a missing or malformed value, a file that exists without `--force`, `pcx define` without `--yes` and without a terminal, a busy port.",
    fix: "Read the message and the hint: they name the flag or option and the fix. `pcx <command> --help` lists the flags; in scripts and CI pass every value as a flag.",
  },
  pcx_invalid_definition: {
    from: "CLI, SDK",
    cause:
      "The integration definition has errors (`pcx validate`, `pcx define`, `loadDefinition`). `details.fields` lists each one with its dot-path (`pcx validate` also gives the line and column).",
    fix: "Run `pcx validate` and fix each error it lists; the issue codes are explained in [the definition file](definition.md#issue-codes).",
  },
  pcx_definition_not_found: {
    from: "CLI, SDK",
    cause:
      "No definition file was found: none of `pcx.integration.json`, `pcx.integration.yaml`, `pcx.integration.yml` in the working directory, or the FILE given does not exist.",
    fix: "Run the command in the directory that holds the file, pass its path, or write one with `pcx init`.",
  },
  pcx_missing_credentials: {
    from: "CLI, SDK client",
    cause:
      "The profile has no API client id, client secret or API key, and no `PCX_CLIENT_ID` / `PCX_CLIENT_SECRET` / `PCX_API_KEY` is set.",
    fix: "Run `pcx login` (or `pcx login --profile NAME`), or set the three variables in CI. Against the sandbox use `--profile sandbox`, which needs no login.",
  },
  pcx_config: {
    from: "CLI, SDK, stores",
    cause:
      "Configuration is wrong or missing: an unreadable config file, a base URL that is not `https://` (or local `http://`), no integration known for the profile, a store URL pcx cannot open, or a required option missing from `createCallbackHandler`.",
    fix: "The message names the file, variable or option and the value it expects. `pcx profiles` shows what a profile holds; `pcx define` saves the integration id, or pass `--integration`.",
  },
  pcx_invalid_state: {
    from: "callback handler, `verifyState`",
    cause:
      "The `state` in the callback URL is malformed, forged, signed with a key id the handler does not have, not the request's own, or missing while `requireState` is on. `details.reason` says which.",
    fix: "Make the handler's state secret the one the link was signed with (`PCX_STATE_SECRET`, or the profile's: `pcx profiles --show-state-secret`); keep retired key ids in the handler's key list while their links live. Hand the customer a new link.",
  },
  pcx_state_expired: {
    from: "callback handler, `verifyState`",
    cause: "The signed state had expired when the customer started the activation request.",
    fix: "Make a new link (`pcx link --state REF`, or `createActivationLink`) and give it to the customer; a longer `--expires` if customers take longer.",
  },
  pcx_state_replayed: {
    from: "callback handler",
    cause: "The state was already used by another activation request.",
    fix: "A signed state is for one activation. Give each customer, or each new attempt, a link of its own.",
  },
  pcx_wrong_integration: {
    from: "callback handler",
    cause:
      "The state, or the activation request, belongs to another integration than the one the handler answers.",
    fix: "Mount one handler per integration, each with its own `integrationId`, and check the callback URL in each definition points at its own handler.",
  },
  pcx_invalid_callback: {
    from: "callback handler",
    cause:
      "The request is not a callback: no or a malformed `activationRequestId`, a parameter given twice, or a method other than GET or HEAD.",
    fix: "Nothing to do when someone opened the URL by hand. If Procountor's callback is refused, check that no proxy rewrites its query string.",
  },
  pcx_api_validation: {
    from: "SDK client",
    cause:
      "The API answered 400 or 422: it refused a field. `details.fields` lists each field with the server's message.",
    fix: "Fix the fields listed. For a definition, `pcx validate` catches most of these before sending.",
  },
  pcx_unauthorized: {
    from: "SDK client",
    cause:
      "The API refused the credentials (401 after one token refresh, or any refusal of the token request).",
    fix: "Check the client id, client secret and API key of the profile (`pcx login` again) or of the `PCX_*` variables; make sure they belong to the environment (test or production) the base URL points at.",
  },
  pcx_forbidden: {
    from: "SDK client",
    cause: "The API answered 403: the API client may not act on that integration or resource.",
    fix: "Use the credentials of the integrator that owns the integration, and check `--integration` / `PCX_INTEGRATION_ID`.",
  },
  pcx_not_found: {
    from: "SDK client",
    cause: "The API answered 404, for example an unknown `--integration` id.",
    fix: "Check the id: `pcx status` shows the integration the profile knows; `pcx define` creates one.",
  },
  pcx_conflict: {
    from: "SDK client",
    cause:
      "The API answered 409 for another reason than the codes below, e.g. a limit set below the number of active activations, or an integration with no approved version yet.",
    fix: "Read the server's message in the error; fetch the current state (`pcx status`, `pcx limits show`) and retry with a value that fits it.",
  },
  pcx_idempotency_conflict: {
    from: "SDK client",
    cause: "An idempotency key was reused with a different request body.",
    fix: "Use a fresh idempotency key for each different request; reuse one only to retry the very same request.",
  },
  pcx_limit_exceeded: {
    from: "SDK client",
    cause:
      "The integration's concurrent-activation limit is reached: an activation request that would make more environments active at once than the limit allows is refused (customers see the refusal on Procountor's activation pages).",
    fix: "Raise the limit (`pcx limits set N`, or `maxConcurrentActivations` in the definition and `pcx define`), or end activations that are no longer used; then decide again.",
  },
  pcx_rate_limited: {
    from: "SDK client",
    cause:
      "The API answered 429 and the client's retries (which wait as `Retry-After` says) were used up.",
    fix: "Send fewer requests: share one client per process, lower concurrency, or raise `retry.maxAttempts`.",
  },
  pcx_server_error: {
    from: "SDK client",
    cause: "The API answered 5xx on every attempt.",
    fix: "Try again later; `--verbose` shows each attempt with the server's request id to quote to Procountor.",
  },
  pcx_api_error: {
    from: "SDK client",
    cause: "The API answered a status pcx has no code for.",
    fix: "Read the status and message in the error; `--verbose` shows the request. Report it if it repeats.",
  },
  pcx_invalid_response: {
    from: "SDK client",
    cause:
      "A success answer does not match the wire contract: the message names the route and the first field that differs.",
    fix: "Update `@pcx/sdk`/`@pcx/cli`; if the newest release still disagrees, report it with the message. See [the contract](contract.md).",
  },
  pcx_already_decided: {
    from: "SDK client, callback handler, CLI",
    cause:
      "The activation request (or the environment) is already approved or rejected: another instance, a reload of the callback page, or `pcx requests` was first.",
    fix: "Nothing to undo: read the request (`pcx requests show ID`) to see who decided what. In code, treat it as done.",
  },
  pcx_request_expired: {
    from: "SDK client, callback handler, CLI",
    cause: "The activation request timed out before it was decided.",
    fix: "The customer starts again from the activation link. Decide faster, or defer and complete the decision before the request's `expiresAt`.",
  },
  pcx_request_not_found: {
    from: "SDK client, callback handler, CLI",
    cause:
      "Procountor does not know the activation request for this API client: a wrong id, or a request of another integrator.",
    fix: "Check the id and that the handler or profile uses the credentials of the integrator that owns the integration.",
  },
  pcx_network: {
    from: "SDK client",
    cause:
      "No answer arrived: connection refused or reset, or the host name did not resolve. `details.reason` says which.",
    fix: "Check the base URL (`--base-url`, `PCX_BASE_URL`, the profile) and the network. For the sandbox, start it first: `pcx sandbox`.",
  },
  pcx_timeout: {
    from: "SDK client",
    cause: "No complete answer arrived within the client's `timeoutMs`.",
    fix: "Try again; raise `timeoutMs` for slow links. `--verbose` shows each attempt's time.",
  },
  pcx_retries_exhausted: {
    from: "SDK client",
    cause:
      'Reserved: this version never throws it. When every attempt of a call fails, the client throws the last error with its own code (`pcx_rate_limited`, `pcx_server_error`, `pcx_network`, `pcx_timeout`), with `details.retriesExhausted: true` and `details.attempts`, and a message ending "(after N attempts)".',
    fix: "Look up the code the error has; `--verbose` shows each attempt.",
  },
  pcx_store: {
    from: "`@pcx/store-sql`",
    cause:
      "The store's database failed an operation (the message names the dialect, the operation and the database's own error code).",
    fix: "Check the database is reachable and writable (`PCX_STORE`, the store URL or file path) and has room. See [stores](stores.md).",
  },
  pcx_store_version: {
    from: "`@pcx/store-sql`",
    cause:
      "The database's schema is newer than this pcx knows, or holds a migration it does not know: a newer deployment upgraded it.",
    fix: "Upgrade `@pcx/store-sql` (and `@pcx/cli`) to the release that wrote the schema; an older pcx must not write to it.",
  },
  pcx_keyring: {
    from: "SDK store keyring",
    cause:
      "The keyring that seals technical users' API keys is malformed (`PCX_KEYRING` is `ID:BASE64KEY[,…]` with 32-byte keys), or a sealed key needs a key id the keyring lacks.",
    fix: "Fix `PCX_KEYRING` (`openssl rand -base64 32` makes a key); when rotating, keep the old key ids in the list and add the new one last.",
  },
  pcx_check_failed: {
    from: "CLI",
    cause:
      "The thing checked is not OK, e.g. `pcx link` before any version of the integration is approved.",
    fix: "Follow the hint: for `pcx link`, wait for the review (`pcx status`).",
  },
  pcx_internal: {
    from: "SDK, CLI",
    cause: "A bug in pcx.",
    fix: "Run again with `--verbose` for the stack and report it with the command you ran (secrets are never in that output).",
  },
};
