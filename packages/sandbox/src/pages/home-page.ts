import { html } from "./html.js";
import { layout } from "./layout.js";
import { formatDateTime } from "./locale.js";
import { type PageAnswer, page, type SignedInContext } from "./page-context.js";
import { environmentStatus, requestLabel } from "./request-status-page.js";

/** How often the front page reloads while a request is pending, in seconds. */
const HOME_REFRESH_SECONDS = 5;

/**
 * GET /: Procountor's front page as far as the flow goes, the "Hello"
 * widget: "Update required" prompts and the latest requests with the
 * status of each environment.
 */
export function homePage(pc: SignedInContext): PageAnswer {
  const { t, engine, locale } = pc;
  const overview = engine.customerOverview(pc.user.id, 10);
  const firstName = pc.user.name.split(/\s+/)[0] ?? pc.user.name;
  const pending = overview.requests.some((r) => r.status === "PENDING");
  const main = html`<section class="card" aria-labelledby="hello">
<h1 id="hello">${t.hello(firstName)}</h1>
${
  overview.updatesRequired.length > 0
    ? html`<section aria-labelledby="updates"><h2 id="updates">${t.updateRequiredHeading}</h2>
<ul class="requests">${overview.updatesRequired.map((update) => {
        const can = update.environments.filter((env) => env.canUpdate).length;
        const cannot = update.environments.length - can;
        return html`<li class="update-required"><p><span class="badge legacy">${t.updateRequiredHeading}</span> <strong>${update.integrationName}</strong></p>
<p>${t.updateRequiredItem(update.integrationName, can)}${cannot > 0 ? html` <span class="muted">${t.updateRequiredNoRights(cannot)}</span>` : null}</p>
${can > 0 ? html`<p><a class="button" href="/update/${update.integrationId}">${t.showInfo}</a></p>` : null}</li>`;
      })}</ul></section>`
    : null
}
<section aria-labelledby="latest"><h2 id="latest">${t.latestRequestsHeading}</h2>
${
  overview.requests.length === 0
    ? html`<p>${t.noRequests}</p>`
    : html`<ul class="requests">${overview.requests.map(
        (
          request,
        ) => html`<li><p><strong>${request.integrationName}</strong> · ${requestLabel(t, request)} · <span class="muted">${t.created} ${formatDateTime(request.createdAt, locale)}</span></p>
<ul>${request.environments.map((env) => html`<li>${env.name}: ${environmentStatus(t, env)}</li>`)}</ul>
<p><a href="/requests/${request.id}">${t.showRequest}<span class="sr-only"> ${requestLabel(t, request)}</span></a></p></li>`,
      )}</ul>`
}
</section>
</section>`;
  return page(
    layout(pc, {
      title: t.homeTitle,
      main,
      ...(pending ? { refreshSeconds: HOME_REFRESH_SECONDS } : {}),
    }),
  );
}
