import type { WireDefinition } from "@pcx/sdk/contract";
import { html, type SafeHtml, safeUrl } from "./html.js";
import type { PageContext } from "./page-context.js";

/**
 * Where the environment step's price-list link goes unless the sandbox is
 * told otherwise (`priceListUrl`): Procountor's support article on its API,
 * whose "Pricing of the service" section leads to the API price list.
 */
export const DEFAULT_PRICE_LIST_URL =
  "https://support.procountor.fi/hc/en-us/articles/360000257677-Procountor-API";

/**
 * The pricing paragraph of the environment step, as Procountor's guide has
 * it there: who is billed the API monthly fee (the environment by default,
 * the accounting firm where the definition says so), that the price depends
 * on the integration, and a link to Procountor's API price list.
 */
export function pricingNote(pc: PageContext, definition: WireDefinition): SafeHtml {
  const { t } = pc;
  return html`<section id="pricing" aria-labelledby="pricing-title">
<h2 id="pricing-title">${t.billingHeading}</h2>
<p>${definition.billing === "accounting-firm" ? t.billingAccountingFirm : t.billingEnvironment} ${t.billingMore}</p>
<p><a id="price-list" href="${safeUrl(pc.priceListUrl)}" target="_blank" rel="noopener noreferrer">${t.priceList}</a> <span class="muted">${t.opensInNewTab}</span></p>
</section>`;
}
