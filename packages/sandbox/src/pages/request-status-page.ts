import type { ActivationRequest, RequestEnvironment, WireDefinition } from "@pcx/sdk/contract";
import { notFound } from "../sandbox-error.js";
import { parseId } from "./form-body.js";
import { html, type SafeHtml, safeUrl } from "./html.js";
import { layout } from "./layout.js";
import { formatDateTime } from "./locale.js";
import type { Messages } from "./messages-en.js";
import { type PageAnswer, type PageContext, page, type SignedInContext } from "./page-context.js";

/** How often a status page with pending environments reloads itself, in seconds. */
export const STATUS_REFRESH_SECONDS = 3;

/** One environment's status in words (with the integrator's reason on rejection). */
export function environmentStatus(t: Messages, env: RequestEnvironment): SafeHtml {
  const label = {
    PENDING: t.statusPending,
    APPROVED: t.statusApproved,
    REJECTED: t.statusRejected,
    EXPIRED: t.statusExpired,
  }[env.status];
  return html`<span class="status status-${env.status}">${label}</span>${
    env.status === "REJECTED"
      ? html`<br><span>${t.reason}: ${env.reason ?? t.noReason}</span>`
      : null
  }`;
}

export function requestLabel(t: Messages, request: Pick<ActivationRequest, "kind" | "id">): string {
  return t.requestSummary(
    request.kind === "UPDATE" ? t.updateRequest : t.activationRequest,
    request.id,
  );
}

/** Where "Start again" leads: the activation link, or the update flow for an update. */
export function startAgainHref(request: Pick<ActivationRequest, "kind" | "integrationId">): string {
  return request.kind === "UPDATE"
    ? `/update/${request.integrationId}`
    : `/activate/${request.integrationId}`;
}

/** Approved: where to go next, as Procountor's guide says (the Store page or the integrator's support pages). */
function approvedNext(pc: PageContext, definition: WireDefinition): SafeHtml {
  const { t } = pc;
  return html`<p id="next-step">${t.approvedNext(definition.name)} <a href="${safeUrl(definition.links.support)}" target="_blank" rel="noopener noreferrer">${t.supportPages(definition.name)}</a> <span class="muted">${t.opensInNewTab}</span></p>`;
}

function outcome(
  pc: PageContext,
  request: ActivationRequest,
  definition: WireDefinition,
): SafeHtml {
  const { t } = pc;
  const statuses = new Set(request.environments.map((env) => env.status));
  if (statuses.has("PENDING")) return html``;
  const again = html`<p><a class="button secondary" href="${startAgainHref(request)}">${t.startAgain}</a></p>`;
  return html`${
    statuses.size === 1 && statuses.has("APPROVED")
      ? html`<div class="note ok" role="status"><p>${request.kind === "UPDATE" ? t.allApprovedUpdate : t.allApproved}</p></div>`
      : null
  }${statuses.has("APPROVED") ? approvedNext(pc, definition) : null}${statuses.has("REJECTED") ? html`<div class="note" role="status"><p>${t.someRejected}</p></div>` : null}${
    statuses.has("EXPIRED")
      ? html`<div class="note" role="status"><p>${t.someExpired}</p></div>`
      : null
  }${statuses.has("REJECTED") || statuses.has("EXPIRED") ? again : null}`;
}

/** While pending: the integrator's tab (opened by the confirm click, or a button when it was not). */
function handoffBox(
  pc: PageContext,
  request: ActivationRequest,
  definition: WireDefinition,
): SafeHtml {
  const { t, engine, locale } = pc;
  const tab = pc.url.searchParams.get("tab");
  const opened = tab === "opened";
  const link = (kind: "primary" | "secondary") =>
    html`<a class="button${kind === "secondary" ? " secondary" : ""}" id="continue" href="${safeUrl(engine.callbackUrlFor(request.id))}" target="_blank" rel="noopener">${t.openIntegrator(definition.name)}</a> <span class="muted">${t.opensInNewTab}</span>`;
  return html`<div class="note" id="handoff">
  <h2>${t.waitingFor(definition.name)}</h2>
  ${tab === "blocked" ? html`<p class="alert" role="alert" id="handoff-blocked">${t.handoffBlocked}</p>` : null}
  <p>${opened ? t.handoffOpened(definition.name) : t.handoffToOpen(definition.name)}</p>
  <p>${opened ? html`<span class="muted">${t.handoffNoTab}</span> ${link("secondary")}` : link("primary")}</p>
  <p class="muted">${t.expiresAt(formatDateTime(request.expiresAt, locale))}</p>
</div>`;
}

/**
 * GET /requests/{id}[?tab=opened|blocked]: the first tab after the confirm
 * click. While the request is pending it says the integrator's page opened in
 * a new tab (or, when it did not, offers the button that opens it) and
 * reloads itself every few seconds; then the status per environment, and
 * once nothing is pending, what to do next.
 */
export function requestStatusPage(pc: SignedInContext, idText: string | undefined): PageAnswer {
  const { t, engine, locale } = pc;
  const id = parseId(idText);
  if (id === undefined) throw notFound("Activation request");
  const request = engine.getRequestForCustomer(pc.user.id, id);
  const { definition } = engine.getApprovedVersionForCustomer(
    request.integrationId,
    request.integrationVersion,
  );
  const pending = request.environments.some((env) => env.status === "PENDING");
  const title = `${requestLabel(t, request)}: ${definition.name}`;
  const main = html`<section class="card" aria-labelledby="title">
<h1 id="title">${title}</h1>
${pending ? handoffBox(pc, request, definition) : null}
${outcome(pc, request, definition)}
<table id="status">
  <caption>${t.statusCaption}</caption>
  <thead><tr><th scope="col">${t.colEnvironment}</th><th scope="col">${t.businessId}</th><th scope="col">${t.colStatus}</th></tr></thead>
  <tbody>${request.environments.map(
    (env) =>
      html`<tr><th scope="row">${env.name}</th><td>${env.businessId}</td><td>${environmentStatus(t, env)}</td></tr>`,
  )}</tbody>
</table>
<p class="muted">${t.created}: ${formatDateTime(request.createdAt, locale)}. ${t.lastChecked(formatDateTime(engine.now().toISOString(), locale))}</p>
<p><a href="/">${t.backToFront}</a></p>
</section>`;
  return page(
    layout(pc, {
      title,
      main,
      ...(pending ? { refreshSeconds: STATUS_REFRESH_SECONDS } : {}),
    }),
  );
}
