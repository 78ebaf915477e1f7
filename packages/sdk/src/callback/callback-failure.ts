import type { ActivationRequest } from "../contract/index.js";
import { httpStatusFor, isPcxError, PcxError, type PcxErrorCode } from "../errors/index.js";

/** A refused or failed callback, as the `respond.failed` override and the built-in page see it. */
export interface CallbackFailure {
  /** Stable: match on it. See CALLBACK_FAILURE_PAGES for the codes the customer can cause. */
  code: PcxErrorCode;
  /** The HTTP status of the answer. */
  status: number;
  /** The built-in page's heading and text, written for the customer. */
  title: string;
  message: string;
  /** The detail, for logs; never shown to the customer. */
  error: PcxError;
  /** Quoted on the page and in the log line, to find one from the other. */
  reference: string;
  /** The activation request id, once the query named a valid one. */
  requestId: number | null;
  /** The request as read from the API, when it was (e.g. already decided: each environment's status). */
  request: ActivationRequest | null;
}

interface FailurePage {
  status: number;
  title: string;
  /** `{app}` is replaced by the product's name. */
  message: string;
}

/** The customer's page for each failure the customer (or a stale link) can cause. */
export const CALLBACK_FAILURE_PAGES = {
  pcx_invalid_callback: {
    status: 400,
    title: "This page opens from Procountor",
    message:
      "This address is where Procountor sends you during an activation, and this visit did not come from there. Start the activation again from the link {app} gave you.",
  },
  pcx_invalid_state: {
    status: 400,
    title: "This activation link is not valid",
    message:
      "The link you started from was changed or did not come from {app}. Open the activation link {app} gave you again, or ask {app} for a new one.",
  },
  pcx_state_expired: {
    status: 400,
    title: "This activation link has expired",
    message: "Ask {app} for a new activation link and start again.",
  },
  pcx_state_replayed: {
    status: 409,
    title: "This activation link was already used",
    message:
      "Each activation link works once, and this one already started another activation. Ask {app} for a new link.",
  },
  pcx_wrong_integration: {
    status: 403,
    title: "This link belongs to another integration",
    message:
      "The activation you started is not for {app}. Start again from the activation link of the integration you want.",
  },
  pcx_request_not_found: {
    status: 404,
    title: "We could not find this activation request",
    message:
      "Procountor does not know this activation request, or it is not for {app}. Start the activation again in Procountor.",
  },
  pcx_request_expired: {
    status: 410,
    title: "This activation request has expired",
    message:
      "It waited too long to be processed. Start the activation again in Procountor; you will pick the environments again.",
  },
  pcx_already_decided: {
    status: 409,
    title: "This activation request was already processed",
    message:
      "Nothing more to do here. Procountor shows the result of each environment; you can close this tab.",
  },
} as const satisfies Partial<Record<PcxErrorCode, FailurePage>>;

const OUR_FAULT: FailurePage = {
  status: 500,
  title: "{app} could not finish your activation",
  message:
    "Something went wrong on {app}'s side, not yours. Open the link in Procountor again in a few minutes. If it keeps happening, contact {app}'s support and quote the reference below.",
};

/** A random reference to quote on the page and in the log, made when first asked for (most callbacks never need one). */
export function lazyReference(): () => string {
  let made: string | undefined;
  return () => {
    made ??= newReference();
    return made;
  };
}

/** A random reference to quote on the page and in the log. */
export function newReference(): string {
  const bytes = new Uint8Array(5);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Turns anything thrown into a failure: the customer's own cases keep their page; the rest are ours (5xx). */
export function callbackFailure(
  caught: unknown,
  context: { reference: string; requestId: number | null; request: ActivationRequest | null },
  appName: string,
): CallbackFailure {
  const error = isPcxError(caught)
    ? caught
    : new PcxError(
        "pcx_internal",
        `The callback failed: ${String((caught as Error)?.message ?? caught)}`,
        {
          cause: caught,
        },
      );
  const page: FailurePage | undefined = (
    CALLBACK_FAILURE_PAGES as Partial<Record<string, FailurePage>>
  )[error.code];
  const status = page
    ? ((error.details as { httpStatus?: number } | undefined)?.httpStatus ?? page.status)
    : Math.max(httpStatusFor(error), 500);
  const shown = page ?? OUR_FAULT;
  return {
    code: error.code,
    status,
    title: shown.title.replaceAll("{app}", appName),
    message: shown.message.replaceAll("{app}", appName),
    error,
    ...context,
  };
}
