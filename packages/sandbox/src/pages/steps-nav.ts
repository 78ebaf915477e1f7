import { html, type SafeHtml } from "./html.js";
import type { Messages } from "./messages-en.js";

/** The activation's steps, as the customer sees them. */
export function activationSteps(t: Messages): string[] {
  return [
    t.stepDetails,
    t.stepEnvironments,
    t.stepTechnicalUser,
    t.stepIntegrator,
    t.stepConfirmation,
  ];
}

/** The update's steps (Procountor's "Update required" flow). */
export function updateSteps(t: Messages): string[] {
  return [t.stepUpdateInfo, t.stepUpdateRights, t.stepIntegrator, t.stepConfirmation];
}

/** The step list with the current one marked (`aria-current="step"`); `current` is 1-based. */
export function stepsNav(t: Messages, labels: string[], current: number): SafeHtml {
  return html`<nav class="stepnav" aria-label="${t.stepsLabel}"><p class="muted">${t.stepOf(current, labels.length)}</p>
<ol class="steps">${labels.map(
    (label, index) =>
      html`<li${index + 1 === current ? html` aria-current="step"` : null}>${label}</li>`,
  )}</ol></nav>`;
}
