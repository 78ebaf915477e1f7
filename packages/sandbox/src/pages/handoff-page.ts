import { errorPage } from "./error-pages.js";
import { type PageAnswer, redirect, type SignedInContext } from "./page-context.js";

/**
 * GET /handoff/{token}: the new tab of the confirm click (handoff.ts). It
 * waits for the first tab's post to create the request under the token, then
 * redirects to the integrator's callback URL with the request's id and the
 * link's state. A token that is unknown, another user's, refused or too old
 * gets a page that sends the customer back to the first tab.
 */
export async function handoffPage(
  pc: SignedInContext,
  token: string | undefined,
): Promise<PageAnswer> {
  const requestId = token === undefined ? undefined : await pc.handoffs.waitFor(token, pc.user.id);
  if (requestId === undefined) return errorPage(pc, 404, pc.t.errorTitle, pc.t.handoffGone);
  pc.engine.getRequestForCustomer(pc.user.id, requestId); // 404 unless it is this user's
  return redirect(pc.engine.callbackUrlFor(requestId));
}
