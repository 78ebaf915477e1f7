import type { CustomerEnvironment } from "../engine/customer-environments.js";
import type { CustomerIntegration } from "../engine/sandbox-engine.js";
import { notFound, SandboxError } from "../sandbox-error.js";
import { environmentPicker, PICKER_SCRIPT } from "./environment-picker.js";
import { parseId, parsePickedIds } from "./form-body.js";
import {
  confirmWithHandoff,
  HANDOFF_SCRIPT,
  handoffFields,
  newHandoffToken,
  type Started,
} from "./handoff.js";
import { html, type SafeHtml } from "./html.js";
import { integrationDetails } from "./integration-details.js";
import type { PageAnswer, SignedInContext } from "./page-context.js";
import { type StepError, stepPage } from "./step-page.js";
import { updateSteps } from "./steps-nav.js";
import { technicalUserView } from "./technical-user-view.js";

function frame(
  pc: SignedInContext,
  integration: CustomerIntegration,
  step: number,
  title: string,
  body: SafeHtml,
  error?: StepError,
  script?: SafeHtml,
): PageAnswer {
  return stepPage(pc, {
    steps: updateSteps(pc.t),
    step,
    title,
    body,
    error,
    langHref: `/update/${integration.id}`,
    script,
  });
}

/** Step 1 of "Update required": basic information and the environments, all selected by default. */
function infoStep(
  pc: SignedInContext,
  integration: CustomerIntegration,
  updatable: CustomerEnvironment[],
  checked: ReadonlySet<number>,
  error?: StepError,
): PageAnswer {
  const { t } = pc;
  const definition = integration.published.definition;
  const limit = integration.maxConcurrentActivations;
  const body =
    updatable.length === 0
      ? html`<div class="note"><p>${t.nothingToUpdate(definition.name)}</p></div><p><a href="/">${t.backToFront}</a></p>`
      : html`<p>${t.updateIntro(definition.name)}</p>
${integrationDetails(pc, definition)}
<h2>${t.environmentsLegend}</h2>
<p>${t.updateEnvironmentsIntro} ${limit !== null ? t.limitNoteUpdate(limit) : null}</p>
<form method="post" action="/update/${integration.id}/rights">
  ${environmentPicker(pc, {
    items: updatable.map((env) => ({
      companyId: env.companyId,
      name: env.name,
      businessId: env.businessId,
      extra: html`<span class="badge">${t.versionInUse(env.activation?.version ?? 0)}</span>`,
    })),
    checked,
    limit,
    errorId: error ? "form-error" : null,
  })}
  <div class="actions"><button type="submit">${t.continue}</button></div>
</form>`;
  return frame(
    pc,
    integration,
    1,
    t.updateTitle(definition.name),
    body,
    error,
    updatable.length > 0 ? PICKER_SCRIPT : undefined,
  );
}

/**
 * Step 2: the updated rights with new and raised ones marked. "Update
 * integration" sends the request and opens the integrator's callback in a
 * new tab in the same click, like the activation's confirm (handoff.ts).
 */
function rightsStep(
  pc: SignedInContext,
  integration: CustomerIntegration,
  picked: CustomerEnvironment[],
): PageAnswer {
  const { t, engine } = pc;
  const published = integration.published;
  const from = Math.min(...picked.map((env) => env.activation?.version ?? published.version));
  const before = engine.getApprovedVersionForCustomer(integration.id, from).definition;
  const token = newHandoffToken();
  const body = html`<p>${t.updatedRightsIntro(from, published.version)}</p>
<p>${t.technicalUserFixed}</p>
${technicalUserView(pc, published.definition, before)}
<h2>${t.pickedEnvironments}</h2>
<ul>${picked.map((env) => html`<li>${env.name} <span class="muted">${t.businessId} ${env.businessId}</span></li>`)}</ul>
<p>${t.afterUpdateConfirm(published.definition.name)}</p>
<form method="post" action="/update/${integration.id}/confirm" id="confirm-form" data-handoff="/handoff/${token}">
  ${picked.map((env) => html`<input type="hidden" name="env" value="${env.companyId}">`)}
  ${handoffFields(token)}
  <div class="actions"><button type="submit" id="confirm">${t.updateButton}</button>
  <button type="submit" class="secondary" formaction="/update/${integration.id}">${t.back}</button></div>
</form>`;
  return frame(pc, integration, 2, t.updatedRightsTitle, body, undefined, HANDOFF_SCRIPT);
}

function integrationOf(pc: SignedInContext, idText: string | undefined): CustomerIntegration {
  const id = parseId(idText);
  if (id === undefined) throw notFound("Integration");
  return pc.engine.getIntegrationForCustomer(id);
}

/** GET /update/{id}: reached from the "Update required" prompt on the front page. */
export function showUpdate(pc: SignedInContext, idText: string | undefined): PageAnswer {
  const integration = integrationOf(pc, idText);
  const updatable = pc.engine.listUpdatableEnvironments(pc.user.id, integration.id);
  return infoStep(pc, integration, updatable, new Set(updatable.map((env) => env.companyId)));
}

/** POST /update/{id}[/rights|/confirm]: the update's forms, each checking the picks again. */
export async function postUpdate(
  pc: SignedInContext,
  idText: string | undefined,
  step: "info" | "rights" | "confirm",
): Promise<PageAnswer> {
  return confirmWithHandoff(pc, pc.form, () => updateStep(pc, idText, step, pc.form));
}

function updateStep(
  pc: SignedInContext,
  idText: string | undefined,
  step: "info" | "rights" | "confirm",
  form: URLSearchParams,
): PageAnswer | Started {
  const { t, engine } = pc;
  const integration = integrationOf(pc, idText);
  const updatable = engine.listUpdatableEnvironments(pc.user.id, integration.id);
  const { ids, bad } = parsePickedIds(form);
  const checked = new Set(ids);
  if (step === "info") return infoStep(pc, integration, updatable, checked);
  const fail = (message: string, status: number) =>
    infoStep(pc, integration, updatable, checked, { message, status });
  if (bad) return fail(t.notYourEnvironment, 400);
  if (ids.length === 0) return fail(t.pickAtLeastOne, 400);
  const limit = integration.maxConcurrentActivations;
  if (limit !== null && ids.length > limit)
    return fail(t.overLimitUpdate(ids.length, limit, integration.published.definition.name), 422);
  const byId = new Map(updatable.map((env) => [env.companyId, env]));
  const picked: CustomerEnvironment[] = [];
  for (const id of ids) {
    const env = byId.get(id);
    if (!env) {
      const mine = engine
        .describeEnvironments(pc.user.id, integration.id)
        .find((e) => e.companyId === id);
      return mine
        ? fail(t.envNotUpdatable(`${mine.name} (${mine.businessId})`), 409)
        : fail(t.notYourEnvironment, 400);
    }
    picked.push(env);
  }
  if (step === "rights") return rightsStep(pc, integration, picked);
  try {
    const started = engine.startUpdate({
      userId: pc.user.id,
      integrationId: integration.id,
      companyIds: ids,
    });
    return { started: started.request.id };
  } catch (error) {
    if (!(error instanceof SandboxError) || error.status === 404 || error.status >= 500)
      throw error;
    return fail(`${t.couldNotStart} ${error.message}`, error.status);
  }
}
