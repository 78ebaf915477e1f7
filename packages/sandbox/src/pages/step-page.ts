import { html, type SafeHtml } from "./html.js";
import { alertBox, layout } from "./layout.js";
import { type PageAnswer, type PageContext, page } from "./page-context.js";
import { stepsNav } from "./steps-nav.js";

/** A message for the page and the HTTP status to answer it with. */
export interface StepError {
  message: string;
  status: number;
}

export interface StepPageOptions {
  /** The flow's step labels (`activationSteps`, `updateSteps`). */
  steps: string[];
  /** The current step, 1-based. */
  step: number;
  title: string;
  body: SafeHtml;
  /** Shown above the body; its status is the page's. Default: none, status 200. */
  error?: StepError | undefined;
  /** The GET address of this flow, for the language switch. */
  langHref: string;
  script?: SafeHtml | undefined;
}

/** One step of the activation or update flow: the steps, the title, the error if any and the body, in a card. */
export function stepPage(pc: PageContext, options: StepPageOptions): PageAnswer {
  const { title, error, script } = options;
  const main = html`<section class="card" aria-labelledby="title">
${stepsNav(pc.t, options.steps, options.step)}
<h1 id="title">${title}</h1>
${alertBox(error?.message)}
${options.body}
</section>`;
  return page(
    layout(pc, {
      title,
      main,
      langHref: options.langHref,
      ...(script ? { script } : {}),
    }),
    error?.status ?? 200,
  );
}
