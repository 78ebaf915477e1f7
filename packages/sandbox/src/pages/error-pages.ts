import { API_ERROR_CODES } from "@pcx/sdk/contract";
import { SandboxError } from "../sandbox-error.js";
import { html } from "./html.js";
import { layout } from "./layout.js";
import { type PageAnswer, type PageContext, page } from "./page-context.js";

/** A whole-page error: a heading, what happened, and the way back. */
export function errorPage(
  pc: PageContext,
  status: number,
  title: string,
  text: string,
  headers?: Record<string, string>,
): PageAnswer {
  const main = html`<section class="card" aria-labelledby="title">
  <h1 id="title">${title}</h1>
  <div class="alert" role="alert"><p>${text}</p></div>
  <p><a href="/">${pc.t.backToFront}</a></p>
</section>`;
  return page(layout(pc, { title, main }), status, headers);
}

export function notFoundPage(pc: PageContext): PageAnswer {
  return errorPage(pc, 404, pc.t.notFoundTitle, pc.t.notFoundText);
}

/**
 * Any error as a page: the engine's domain errors keep their status and
 * readable message (404 → the not-found page, 409 NOT_PUBLISHED → "not
 * available yet"); anything else is a sandbox bug, said plainly, never a crash.
 */
export function pageForError(pc: PageContext, error: unknown): PageAnswer {
  const { t } = pc;
  if (error instanceof SandboxError) {
    if (error.status === 404) return notFoundPage(pc);
    if (error.code === API_ERROR_CODES.NOT_PUBLISHED)
      return errorPage(pc, 409, t.notPublishedTitle, t.notPublishedText);
    if (error.status === 413) return errorPage(pc, 413, t.errorTitle, t.tooLarge);
    if (error.status < 500) return errorPage(pc, error.status, t.errorTitle, error.message);
  }
  return errorPage(pc, 500, t.errorTitle, t.sandboxBug);
}
