import { PcxError } from "../errors/index.js";

export interface ActivationLinkOptions {
  /**
   * The integration's activation link, `activationLink` of the approved
   * integration (`client.integrations.get(id)`); null until a version is approved.
   */
  activationLink: string | null | undefined;
  /**
   * The integrator's own reference, passed through Procountor to the callback as
   * `state` (use `signState()` so it cannot be forged). Default: none.
   */
  state?: string;
}

/**
 * The link a customer opens to activate the integration, optionally carrying
 * `state`. Built with the URL API, so existing query parameters are kept and
 * the state is encoded. Throws `pcx_usage` when there is no (valid) link yet.
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
    if (state === "") throw new PcxError("pcx_usage", "state must not be empty");
    url.searchParams.set("state", state);
  }
  return url.toString();
}
