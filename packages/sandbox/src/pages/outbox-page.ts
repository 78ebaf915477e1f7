import { statusEmailText } from "../outbox/status-email-text.js";
import { html } from "./html.js";
import { layout } from "./layout.js";
import { formatDateTime } from "./locale.js";
import { type PageAnswer, page, type SignedInContext } from "./page-context.js";

/**
 * GET /outbox: the status e-mails Procountor "sent" to the signed-in user,
 * newest first, in the page's language (the JSON at /sandbox/outbox has
 * everyone's, in both languages).
 */
export function outboxPage(pc: SignedInContext): PageAnswer {
  const { t, engine, locale } = pc;
  const emails = engine.listOutbox({ userId: pc.user.id, limit: 50 });
  const main = html`<section class="card" aria-labelledby="title">
<h1 id="title">${t.outboxTitle}</h1>
<p class="muted">${t.outboxIntro}</p>
${
  emails.length === 0
    ? html`<p id="outbox-empty">${t.outboxEmpty}</p>`
    : html`<ul class="requests" id="outbox">${emails.map((email) => {
        const text = statusEmailText(email, locale, pc.url.origin);
        return html`<li class="email" data-request="${email.request.id}"><h2>${text.subject}</h2>
<dl class="pairs"><dt>${t.emailTo}</dt><dd>${email.to.name} &lt;${email.to.email}&gt;</dd>
<dt>${t.emailSent}</dt><dd>${formatDateTime(email.sentAt, locale)}</dd></dl>
<pre class="email-body">${text.text}</pre></li>`;
      })}</ul>`
}
<p><a href="/">${t.backToFront}</a></p>
</section>`;
  return page(layout(pc, { title: t.outboxTitle, main }));
}
