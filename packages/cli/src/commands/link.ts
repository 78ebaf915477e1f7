import {
  createActivationLink,
  MAX_STATE_LIFETIME_SEC,
  PcxError,
  parseDuration,
  signState,
} from "@pcx/sdk";
import { fetchIntegration, withSession } from "../api/session.js";
import { defineCommand } from "../command.js";
import { withProgress } from "../io/progress.js";
import { stateSigningKey } from "../profiles/state-secret.js";
import { reviewStateText } from "../render/plan.js";

export interface LinkInput {
  /** `--state REF`: the integrator's own reference, signed into the link's `state`. */
  state?: string;
  /** `--expires 7d`: lifetime of the state. Default 7d. Only with --state. */
  expires?: string;
  /** `--qr`: draw the link as a QR code (human output only). */
  qr?: boolean;
  /** `--integration ID` (else PCX_INTEGRATION_ID, else the profile's). */
  integration?: number;
}

export interface LinkResult {
  integrationId: number;
  link: string;
  state?: string;
  expiresAt?: string;
  keyId?: string;
  /** True when this run generated the profile's state secret. */
  generatedSecret?: boolean;
  profile: string;
  qr: boolean;
}

const DEFAULT_EXPIRY = "7d";

/**
 * `pcx link`: the approved integration's activation link, optionally with a
 * signed, expiring `state` (HMAC-SHA256 with the profile's state secret, or
 * PCX_STATE_SECRET). No link before the first approval: exit 1.
 */
export default defineCommand<LinkInput, LinkResult>({
  run(input, ctx) {
    if (input.expires !== undefined && input.state === undefined) {
      throw new PcxError(
        "pcx_usage",
        "--expires applies to the signed state; pass --state REF too.",
        {
          hint: "e.g. pcx link --state cust-42 --expires 30d",
        },
      );
    }
    const lifetimeMs = parseDuration(input.expires ?? DEFAULT_EXPIRY);
    if (lifetimeMs > MAX_STATE_LIFETIME_SEC * 1000) {
      throw new PcxError(
        "pcx_usage",
        `--expires ${input.expires}: a signed state lives at most ${MAX_STATE_LIFETIME_SEC / 86_400} days.`,
        { hint: "Issue a fresh link when the customer needs one later, e.g. --expires 30d." },
      );
    }
    if (input.state !== undefined && input.state.trim() === "") {
      throw new PcxError("pcx_usage", "--state must not be empty.", {
        hint: "Pass your own reference for the customer, e.g. --state cust-42.",
      });
    }
    return withSession(ctx, async (session) => {
      const ref = session.requireIntegration(input.integration);
      const integration = await withProgress(ctx, `Fetching integration ${ref.id}`, () =>
        fetchIntegration(session, ref),
      );
      if (!integration.activationLink) {
        const latest = integration.latest;
        throw new PcxError(
          "pcx_check_failed",
          `Integration ${integration.id} has no activation link yet: no version is approved (version ${latest.version} is ${reviewStateText(latest.reviewState)}).`,
          {
            hint: "Procountor sets the link when it approves a version; follow the review with `pcx status`.",
            details: { integrationId: integration.id, reviewState: latest.reviewState },
          },
        );
      }
      const profile = session.connection.profile;
      const result: LinkResult = {
        integrationId: integration.id,
        link: integration.activationLink,
        profile,
        qr: input.qr === true,
      };
      if (input.state !== undefined) {
        const key = stateSigningKey(ctx, session.store, profile, { create: true })!;
        // Whole seconds, so the printed expiry is exactly the signed one.
        const expiresAt = new Date(Math.floor((Date.now() + lifetimeMs) / 1000) * 1000);
        // Bound to this integration: a callback of another integration refuses it.
        const state = await signState(
          { ref: input.state },
          { secret: key.secret, keyId: key.keyId, integrationId: integration.id, expiresAt },
        );
        result.link = createActivationLink({ activationLink: integration.activationLink, state });
        result.state = state;
        result.expiresAt = expiresAt.toISOString();
        result.keyId = key.keyId;
        if (key.source === "generated") {
          result.generatedSecret = true;
          ctx.out.stderr(
            `note: generated a state secret for profile "${profile}" and saved it (owner-only). Your backend needs it to verify the state: pcx profiles --show-state-secret${profile === "production" ? "" : ` --profile ${profile}`}`,
          );
        }
      }
      return result;
    });
  },
  toJson: (r) => ({
    link: r.link,
    ...(r.state !== undefined ? { state: r.state, expiresAt: r.expiresAt } : {}),
  }),
  async render(r, ctx) {
    const lines = [r.link];
    if (r.state !== undefined) {
      const paint = await ctx.out.paint();
      lines.push(
        paint.dim(
          `state: signed with key id ${r.keyId}, expires ${r.expiresAt}; verify it in your callback with verifyState().`,
        ),
      );
    }
    if (r.qr) lines.push("", await drawQr(r.link));
    return lines.join("\n");
  },
});

/** A terminal QR code (qrcode-terminal, loaded only for --qr). */
async function drawQr(text: string): Promise<string> {
  const { default: qrcode } = await import("qrcode-terminal");
  return new Promise((resolve) => qrcode.generate(text, { small: true }, (code) => resolve(code)));
}
