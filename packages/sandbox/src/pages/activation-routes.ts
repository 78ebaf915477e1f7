import { MAX_STATE_LENGTH } from "@pcx/sdk/contract";
import type { CustomerEnvironment } from "../engine/customer-environments.js";
import type { CustomerIntegration } from "../engine/sandbox-engine.js";
import { notFound, SandboxError } from "../sandbox-error.js";
import {
  type ActivationWizard,
  detailsStep,
  environmentsStep,
  technicalUserStep,
} from "./activation-pages.js";
import { errorPage } from "./error-pages.js";
import { parseId, parsePickedIds } from "./form-body.js";
import { confirmWithHandoff, type Started } from "./handoff.js";
import type { Messages } from "./messages-en.js";
import type { PageAnswer, SignedInContext } from "./page-context.js";
import type { StepError } from "./step-page.js";

function integrationOf(pc: SignedInContext, idText: string | undefined): CustomerIntegration {
  const id = parseId(idText);
  if (id === undefined) throw notFound("Integration");
  return pc.engine.getIntegrationForCustomer(id);
}

function wizardOf(form: URLSearchParams): ActivationWizard & { badIds: boolean } {
  const { ids, bad } = parsePickedIds(form);
  return {
    state: form.get("state"),
    termsAccepted: form.get("terms") === "accepted",
    picked: ids,
    badIds: bad,
  };
}

function badLink(pc: SignedInContext): PageAnswer {
  return errorPage(pc, 400, pc.t.errorTitle, pc.t.badLinkText);
}

/** Why an environment cannot be picked, in the page's language. */
export function notSelectableMessage(t: Messages, env: CustomerEnvironment): string {
  const who = `${env.name} (${env.businessId})`;
  switch (env.notSelectableReason) {
    case "NO_USER_MANAGEMENT":
      return t.envNoUserManagement(who);
    case "ACTIVE":
      return t.envActive(who);
    case "UPDATE_REQUIRED":
      return t.envUpdateRequired(who);
    default:
      return t.envPending(who);
  }
}

/** Checks the picks against the list and the limit: the environments, or the error to show. */
function checkPicks(
  pc: SignedInContext,
  integration: CustomerIntegration,
  all: CustomerEnvironment[],
  wizard: ActivationWizard & { badIds: boolean },
): CustomerEnvironment[] | StepError {
  const { t } = pc;
  if (wizard.badIds) return { message: t.notYourEnvironment, status: 400 };
  if (wizard.picked.length === 0) return { message: t.pickAtLeastOne, status: 400 };
  const limit = integration.maxConcurrentActivations;
  if (limit !== null && wizard.picked.length > limit) {
    const name = integration.published.definition.name;
    return { message: t.overLimit(wizard.picked.length, limit, name), status: 422 };
  }
  const byId = new Map(all.map((env) => [env.companyId, env]));
  const picked: CustomerEnvironment[] = [];
  for (const id of wizard.picked) {
    const env = byId.get(id);
    if (!env) return { message: t.notYourEnvironment, status: 400 };
    if (!env.selectable)
      return {
        message: notSelectableMessage(t, env),
        status: env.notSelectableReason === "NO_USER_MANAGEMENT" ? 400 : 409,
      };
    picked.push(env);
  }
  return picked;
}

/** GET /activate/{id}?state=…: where the activation link lands (step 1). */
export function showActivation(pc: SignedInContext, idText: string | undefined): PageAnswer {
  const integration = integrationOf(pc, idText);
  const state = pc.url.searchParams.get("state");
  // The contract's longest state, as the engine keeps it; longer links are refused up front.
  if (state !== null && state.length > MAX_STATE_LENGTH) return badLink(pc);
  return detailsStep(pc, integration, { state, termsAccepted: false, picked: [] });
}

/**
 * POST /activate/{id}[/{step}]: the form of one step. Every step checks
 * everything before it again (terms, picks, limit), so skipping a step
 * by hand gets the same refusal as the page would.
 */
export async function postActivation(
  pc: SignedInContext,
  idText: string | undefined,
  step: "details" | "terms" | "environments" | "confirm",
): Promise<PageAnswer> {
  const form = pc.form;
  // On confirm the request is sent, and the tab this click opened goes on to the
  // integrator's callback with its id (docs/sandbox.md "When the request is sent").
  return confirmWithHandoff(pc, form, () => activationStep(pc, idText, step, form));
}

function activationStep(
  pc: SignedInContext,
  idText: string | undefined,
  step: "details" | "terms" | "environments" | "confirm",
  form: URLSearchParams,
): PageAnswer | Started {
  const integration = integrationOf(pc, idText);
  const wizard = wizardOf(form);
  if (wizard.state !== null && wizard.state.length > MAX_STATE_LENGTH) return badLink(pc);
  if (step === "details") return detailsStep(pc, integration, wizard);
  if (!wizard.termsAccepted) {
    return detailsStep(pc, integration, wizard, { message: pc.t.termsRequired, status: 400 });
  }
  const all = pc.engine.describeEnvironments(pc.user.id, integration.id);
  if (step === "terms") return environmentsStep(pc, integration, all, wizard);
  const checked = checkPicks(pc, integration, all, wizard);
  if (!Array.isArray(checked)) return environmentsStep(pc, integration, all, wizard, checked);
  if (step === "environments") return technicalUserStep(pc, integration, checked, wizard);
  try {
    const started = pc.engine.startActivation({
      userId: pc.user.id,
      integrationId: integration.id,
      companyIds: wizard.picked,
      state: wizard.state,
    });
    return { started: started.request.id };
  } catch (error) {
    if (!(error instanceof SandboxError) || error.status === 404 || error.status >= 500)
      throw error;
    // The world changed between the pages (limit lowered, an environment taken): say so on step 2.
    const fresh = pc.engine.getIntegrationForCustomer(integration.id);
    const now = pc.engine.describeEnvironments(pc.user.id, integration.id);
    const again = checkPicks(pc, fresh, now, wizard);
    const shown: StepError = Array.isArray(again)
      ? { message: `${pc.t.couldNotStart} ${error.message}`, status: error.status }
      : again;
    return environmentsStep(pc, fresh, now, wizard, shown);
  }
}
