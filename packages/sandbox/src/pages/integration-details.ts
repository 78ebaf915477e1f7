import type { WireDefinition } from "@pcx/sdk/contract";
import { html, type SafeHtml, safeUrl } from "./html.js";
import type { PageContext } from "./page-context.js";

function externalLink(pc: PageContext, href: string, label: string): SafeHtml {
  return html`<a href="${safeUrl(href)}" target="_blank" rel="noopener noreferrer">${label}</a> <span class="muted">${pc.t.opensInNewTab}</span>`;
}

/**
 * The integration's basic information as Procountor shows it before
 * activation: logo, description and the integrator's links. (Who is billed
 * is on the environment step, pricing-note.ts, where Procountor's guide has it.)
 */
export function integrationDetails(pc: PageContext, definition: WireDefinition): SafeHtml {
  const { t } = pc;
  const { links } = definition;
  return html`<div class="intro">
  ${definition.logoUrl ? html`<img src="${safeUrl(definition.logoUrl)}" alt="${t.logoAlt(definition.name)}" width="64" height="64">` : null}
  <div>
    <p><strong>${definition.description}</strong></p>
    ${definition.longDescription ? definition.longDescription.split(/\n{2,}/).map((para) => html`<p>${para}</p>`) : null}
  </div>
</div>
<h2>${t.linksHeading}</h2>
<ul>
  <li>${externalLink(pc, links.privacyPolicy, t.privacyPolicy)}</li>
  <li>${externalLink(pc, links.termsOfService, t.termsOfService)}</li>
  <li>${externalLink(pc, links.support, t.support)}</li>
</ul>`;
}
