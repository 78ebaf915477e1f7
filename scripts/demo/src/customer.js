// The customer's side of the demo: the sandbox's customer pages over HTTP, as
// a browser drives them (cookies, forms, the pages' Origin), with the
// sandbox's customer agent; then the hand-off to the integrator's callback.
import { customerAgent } from "@pcx/sandbox";

/** @param {string} html The text a browser would show, roughly. */
export const textOf = (html) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The demo user ("demo", Maija) in a browser of her own, signed in, on the
 * first page of `link`.
 *
 * @param {string} sandboxUrl Where the customer pages are.
 * @param {string} link The activation link with its signed state.
 */
export async function openLink(sandboxUrl, link) {
  const agent = customerAgent(sandboxUrl);
  await agent.signIn("demo");
  const url = new URL(link);
  const integrationId = Number(/^\/activate\/(\d+)$/.exec(url.pathname)?.[1]);
  const state = url.searchParams.get("state") ?? undefined;
  const details = await agent.get(`${url.pathname}${url.search}`);
  if (details.status !== 200 || !Number.isInteger(integrationId)) {
    throw new Error(`The activation link ${url.pathname} answered ${details.status}.`);
  }
  const form = { terms: "accepted", ...(state ? { state } : {}) };
  return {
    /**
     * Picks `companyIds` on the environments step, expecting the limit's
     * refusal; returns what the page said.
     * @param {number[]} companyIds
     */
    async pickOverLimit(companyIds) {
      const answer = await agent.post(`/activate/${integrationId}/environments`, {
        ...form,
        env: companyIds.map(String),
      });
      const refusal = agent.alertText(answer);
      if (answer.status !== 422 || !refusal) {
        throw new Error(
          `Picking ${companyIds.length} environments answered ${answer.status}, not the limit's refusal.`,
        );
      }
      return refusal;
    },
    /**
     * Picks `companyIds`, confirms the technical user, and returns the
     * request's id and the status page's hand-off URL.
     * @param {number[]} companyIds
     */
    async confirm(companyIds) {
      const requestId = await agent.activate(integrationId, companyIds, state);
      return { requestId, handOff: await agent.callbackHref(requestId) };
    },
    /**
     * Follows the hand-off: it opens the integrator's page in a new tab, so
     * no Procountor cookie goes along. Returns the page's heading.
     * @param {string} handOff
     */
    async followHandOff(handOff) {
      const answer = await fetch(handOff, { redirect: "manual" });
      const html = await answer.text();
      if (answer.status !== 200) {
        throw new Error(
          `The backend's callback answered ${answer.status}: ${textOf(html).slice(0, 300)}`,
        );
      }
      return textOf(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? html).slice(0, 120);
    },
    /** Procountor's status page for the request, as text. @param {number} requestId */
    statusPage: (requestId) => agent.statusText(requestId),
  };
}
