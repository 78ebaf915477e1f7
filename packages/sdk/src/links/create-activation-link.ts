import { MAX_STATE_LENGTH } from "../contract/max-state-length.js";
import { PcxError } from "../errors/pcx-error.js";

/** The options of `createActivationLink`. */
export interface ActivationLinkOptions {
  /**
   * The integration's activation link, `activationLink` of the approved
   * integration (`client.integrations.get(id)`); null until a version is approved.
   */
  activationLink: string | null | undefined;
  /**
   * The integrator's own reference, passed through Procountor to the callback as
   * `state` (use `signState()` so it cannot be forged); at most
   * `MAX_STATE_LENGTH` characters. Default: none.
   */
  state?: string;
}

/**
 * The link a customer opens to activate the integration, optionally carrying
 * `state`. Built with the URL API, so existing query parameters are kept and
 * the state is encoded. Throws `pcx_usage` when there is no (valid) link yet
 * or the state is empty or longer than `MAX_STATE_LENGTH`.
 */
export function createActivationLink(options: ActivationLinkOptions): string {
  const { activationLink, state } = options;
  if (!activationLink) {
    throw new PcxError("pcx_usage", "The integration has no activation link yet", {
      hint: "Procountor sets the link when it approves a version of the definition; check with `pcx status`.",
    });
  }
  if (!URL.canParse(activationLink)) {
    throw new PcxError("pcx_usage", `The activation link is not a URL: ${activationLink}`);
  }
  const url = new URL(activationLink);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new PcxError("pcx_usage", `The activation link is not an http(s) URL: ${activationLink}`);
  }
  if (state !== undefined) {
    if (typeof state !== "string" || state === "")
      throw new PcxError("pcx_usage", "state must be a non-empty string");
    if (state.length > MAX_STATE_LENGTH) {
      throw new PcxError(
        "pcx_usage",
        `state is ${state.length} characters; an activation link carries at most ${MAX_STATE_LENGTH}`,
        { hint: "Keep the state to a short reference (signState makes one)." },
      );
    }
    url.searchParams.set("state", state);
  }
  return url.toString();
}
