import type { CustomerEnvironment } from "../engine/customer-environments.js";
import type { CustomerIntegration } from "../engine/sandbox-engine.js";
import { environmentPicker, PICKER_SCRIPT } from "./environment-picker.js";
import { HANDOFF_SCRIPT, handoffFields, newHandoffToken } from "./handoff.js";
import { html, type SafeHtml } from "./html.js";
import { integrationDetails } from "./integration-details.js";
import type { PageAnswer, PageContext } from "./page-context.js";
import { pricingNote } from "./pricing-note.js";
import { type StepError, stepPage } from "./step-page.js";
import { activationSteps } from "./steps-nav.js";
import { technicalUserView } from "./technical-user-view.js";

/** What the activation's forms carry from step to step (hidden fields; checked again at every step). */
export interface ActivationWizard {
  /** The activation link's `state`, passed through untouched. */
  state: string | null;
  termsAccepted: boolean;
  picked: number[];
}

function hiddenFields(wizard: ActivationWizard, options: { picked: boolean }): SafeHtml {
  return html`${wizard.state !== null ? html`<input type="hidden" name="state" value="${wizard.state}">` : null}
${wizard.termsAccepted ? html`<input type="hidden" name="terms" value="accepted">` : null}
${options.picked ? wizard.picked.map((id) => html`<input type="hidden" name="env" value="${id}">`) : null}`;
}

/** The GET address of step 1, for the language switch on the later (POST) steps. */
export function activationLinkOf(integrationId: number, state: string | null): string {
  return `/activate/${integrationId}${state !== null ? `?state=${encodeURIComponent(state)}` : ""}`;
}

function frame(
  pc: PageContext,
  integration: CustomerIntegration,
  wizard: ActivationWizard,
  step: number,
  title: string,
  body: SafeHtml,
  error: StepError | undefined,
  script?: SafeHtml,
): PageAnswer {
  return stepPage(pc, {
    steps: activationSteps(pc.t),
    step,
    title,
    body,
    error,
    langHref: activationLinkOf(integration.id, wizard.state),
    script,
  });
}

/** Step 1: the integration's details and the activation terms (a checkbox that must be ticked). */
export function detailsStep(
  pc: PageContext,
  integration: CustomerIntegration,
  wizard: ActivationWizard,
  error?: StepError,
): PageAnswer {
  const { t } = pc;
  const definition = integration.published.definition;
  const body = html`${integrationDetails(pc, definition)}
<form method="post" action="/activate/${integration.id}/terms">
  ${hiddenFields({ ...wizard, termsAccepted: false }, { picked: true })}
  <fieldset>
    <legend>${t.termsLegend}</legend>
    <p>${t.termsText(definition.name)}</p>
    <label><input type="checkbox" name="terms" value="accepted"${wizard.termsAccepted ? html` checked` : null}${error ? html` aria-invalid="true" aria-describedby="form-error"` : null}>
    ${t.acceptTerms}</label>
  </fieldset>
  <div class="actions"><button type="submit">${t.continue}</button></div>
</form>`;
  return frame(pc, integration, wizard, 1, t.activateTitle(definition.name), body, error);
}

function hiddenNote(pc: PageContext, all: CustomerEnvironment[]): SafeHtml | null {
  const { t } = pc;
  const count = (reason: CustomerEnvironment["notSelectableReason"]) =>
    all.filter((env) => env.notSelectableReason === reason).length;
  const lines = [
    [count("NO_USER_MANAGEMENT"), t.hiddenNoUserManagement],
    [count("ACTIVE"), t.hiddenActive],
    [count("UPDATE_REQUIRED"), t.hiddenUpdateRequired],
    [count("REQUEST_PENDING"), t.hiddenPending],
  ] as const;
  const hidden = lines.reduce((sum, [n]) => sum + n, 0);
  if (hidden === 0) return null;
  return html`<div class="note" id="hidden-note"><p>${t.hiddenHeading(hidden)}</p>
<ul>${lines.filter(([n]) => n > 0).map(([n, text]) => html`<li>${text(n)}</li>`)}</ul></div>`;
}

/** Step 2: pick environments; only selectable ones are listed, the limit is stated. */
export function environmentsStep(
  pc: PageContext,
  integration: CustomerIntegration,
  all: CustomerEnvironment[],
  wizard: ActivationWizard,
  error?: StepError,
): PageAnswer {
  const { t } = pc;
  const name = integration.published.definition.name;
  const limit = integration.maxConcurrentActivations;
  const selectable = all.filter((env) => env.selectable);
  const picked = new Set(wizard.picked);
  const anyLegacy = selectable.some((env) => env.legacyManualActivation);
  const body = html`<p>${t.environmentsIntro(name)}</p>
<p id="limit-note"><strong>${limit === null ? t.noLimitNote : t.limitNote(limit)}</strong></p>
${
  selectable.length === 0
    ? html`<div class="note"><p>${t.noSelectable}</p></div>${hiddenNote(pc, all)}
<form method="post" action="/activate/${integration.id}">${hiddenFields(wizard, { picked: false })}
  <div class="actions"><button type="submit" class="secondary">${t.back}</button></div></form>`
    : html`<form method="post" action="/activate/${integration.id}/environments">
  ${hiddenFields(wizard, { picked: false })}
  ${environmentPicker(pc, {
    items: selectable.map((env) => ({
      companyId: env.companyId,
      name: env.name,
      businessId: env.businessId,
      extra: env.legacyManualActivation
        ? html`<span class="badge legacy">${t.legacyBadge}</span>`
        : null,
    })),
    checked: picked,
    limit,
    errorId: error ? "form-error" : null,
  })}
  ${anyLegacy ? html`<p class="muted" id="legacy-note"><span class="badge legacy">${t.legacyBadge}</span> ${t.legacyNote}</p>` : null}
  ${hiddenNote(pc, all)}
  ${pricingNote(pc, integration.published.definition)}
  <div class="actions"><button type="submit">${t.continue}</button>
  <button type="submit" class="secondary" formaction="/activate/${integration.id}">${t.back}</button></div>
</form>`
}`;
  return frame(pc, integration, wizard, 2, t.environmentsTitle, body, error, PICKER_SCRIPT);
}

/**
 * Step 3: the technical user and its rights, read-only. Confirming sends the
 * request and, in the same click, opens the integrator's callback in a new
 * tab (handoff.ts); this tab goes on to the request's status.
 */
export function technicalUserStep(
  pc: PageContext,
  integration: CustomerIntegration,
  picked: CustomerEnvironment[],
  wizard: ActivationWizard,
  error?: StepError,
): PageAnswer {
  const { t } = pc;
  const definition = integration.published.definition;
  const token = newHandoffToken();
  const body = html`<p>${t.technicalUserIntro}</p>
<p>${t.technicalUserFixed}</p>
${technicalUserView(pc, definition)}
<h2>${t.pickedEnvironments}</h2>
<ul>${picked.map((env) => html`<li>${env.name} <span class="muted">${t.businessId} ${env.businessId}</span></li>`)}</ul>
<p>${t.afterConfirm(definition.name)}</p>
<form method="post" action="/activate/${integration.id}/confirm" id="confirm-form" data-handoff="/handoff/${token}">
  ${hiddenFields(wizard, { picked: true })}
  ${handoffFields(token)}
  <div class="actions"><button type="submit" id="confirm">${t.confirm(definition.name)}</button>
  <button type="submit" class="secondary" formaction="/activate/${integration.id}/terms">${t.back}</button></div>
</form>`;
  return frame(pc, integration, wizard, 3, t.technicalUserTitle, body, error, HANDOFF_SCRIPT);
}
