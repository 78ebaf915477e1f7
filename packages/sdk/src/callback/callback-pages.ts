import type { DecisionResult, EnvironmentResult } from "../decisions/index.js";
import type { CallbackFailure } from "./callback-failure.js";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

const STYLE =
  "body{font:17px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2328}" +
  "h1{font-size:1.5rem;line-height:1.25}ul{padding-left:1.2rem}small{color:#59636e}" +
  ".ok{color:#1a7f37}.no{color:#cf222e}";

function page(title: string, body: string, footer = ""): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main>${footer ? `<footer><small>${footer}</small></footer>` : ""}</body></html>`;
}

function environmentLine(env: EnvironmentResult): string {
  const who = `${escapeHtml(env.name)} (${escapeHtml(env.businessId)})`;
  switch (env.status) {
    case "APPROVED":
      return `<li>${who}: <strong class="ok">Approved</strong></li>`;
    case "REJECTED":
      return `<li>${who}: <strong class="no">Rejected</strong>${env.reason ? ` — ${escapeHtml(env.reason)}` : ""}</li>`;
    case "EXPIRED":
      return `<li>${who}: <strong>Timed out</strong></li>`;
    default:
      return `<li>${who}: <strong>Being processed</strong></li>`;
  }
}

function environmentList(envs: readonly EnvironmentResult[]): string {
  return `<ul>${envs.map(environmentLine).join("")}</ul>`;
}

/** The page after a decision: each environment's outcome. */
export function decidedPage(result: DecisionResult, appName: string): string {
  const envs = result.environments;
  const pending = envs.some((env) => env.status === "PENDING");
  const allApproved = envs.every((env) => env.status === "APPROVED");
  const title = pending
    ? "Your activation is being processed"
    : allApproved
      ? "You're all set"
      : "Your activation request was processed";
  const lead = pending
    ? `<p>${escapeHtml(appName)} is finishing your activation. Procountor shows the result of each environment when it is done.</p>`
    : allApproved
      ? `<p>${escapeHtml(appName)} is now active in:</p>`
      : `<p>${escapeHtml(appName)} processed your activation request:</p>`;
  return page(
    title,
    `${lead}${environmentList(envs)}<p>You can close this tab and return to Procountor.</p>`,
  );
}

/** The page for a failure: what happened and what to do, in the customer's terms, with the code and a reference. */
export function failurePage(failure: CallbackFailure): string {
  const envs = failure.request?.environments ?? [];
  const list =
    failure.code === "pcx_already_decided" && envs.length > 0
      ? environmentList(
          envs.map((env) => ({ ...env, outcome: "already_decided", decidedBy: null })),
        )
      : "";
  return page(
    failure.title,
    `<p>${escapeHtml(failure.message)}</p>${list}`,
    `Error code: ${escapeHtml(failure.code)} · Reference: ${escapeHtml(failure.reference)}`,
  );
}
