import { messagesFor, PAGE_LOCALES, type PageLocale } from "../pages/locale.js";
import type { Messages } from "../pages/messages-en.js";
import type { EmailEnvironment, SandboxEmail } from "../store/outbox-repo.js";

/** A status e-mail as its user reads it. */
export interface EmailText {
  subject: string;
  /** Plain text, lines separated by "\n". */
  text: string;
}

function outcome(t: Messages, env: EmailEnvironment): string {
  const label = {
    APPROVED: t.statusApproved,
    REJECTED: t.statusRejected,
    EXPIRED: t.statusExpired,
  }[env.status];
  const reason = env.status === "REJECTED" ? ` (${t.reason}: ${env.reason ?? t.noReason})` : "";
  return `- ${env.name}, ${t.businessId} ${env.businessId}: ${label}${reason}`;
}

/**
 * The status e-mail in one language: per environment its outcome, with the
 * integrator's reason for a rejection; where to go next (the integrator's
 * support pages when something was approved, the start again link when
 * something was rejected or timed out); and the request's status page.
 * `publicUrl` is the sandbox's own address, for the links.
 */
export function statusEmailText(
  email: SandboxEmail,
  locale: PageLocale,
  publicUrl: string,
): EmailText {
  const t = messagesFor(locale);
  const { request } = email;
  const name = request.integrationName;
  const update = request.kind === "UPDATE";
  const firstName = email.to.name.split(/\s+/)[0] || email.to.name;
  const statuses = new Set(email.environments.map((env) => env.status));
  const again = update
    ? `${publicUrl}/update/${request.integrationId}`
    : `${publicUrl}/activate/${request.integrationId}`;
  const lines = [
    t.emailGreeting(firstName),
    "",
    update ? t.emailIntroUpdate(request.id, name) : t.emailIntroActivation(request.id, name),
    "",
    ...email.environments.map((env) => outcome(t, env)),
    "",
    ...(statuses.has("APPROVED") ? [`${t.approvedNext(name)} ${request.supportUrl}`] : []),
    ...(statuses.has("REJECTED") || statuses.has("EXPIRED") ? [t.emailStartAgain(again)] : []),
    t.emailStatusLink(`${publicUrl}/requests/${request.id}`),
    "",
    t.emailSignature,
  ];
  return {
    subject: update ? t.emailSubjectUpdate(name) : t.emailSubjectActivation(name),
    text: lines.join("\n"),
  };
}

/** The e-mail in every language of the pages (the outbox's JSON carries both). */
export function statusEmailTexts(
  email: SandboxEmail,
  publicUrl: string,
): Record<PageLocale, EmailText> {
  return Object.fromEntries(
    PAGE_LOCALES.map((locale) => [locale, statusEmailText(email, locale, publicUrl)]),
  ) as Record<PageLocale, EmailText>;
}
