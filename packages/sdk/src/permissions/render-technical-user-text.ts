import {
  type RenderTechnicalUserOptions,
  renderTechnicalUser,
  type TechnicalUserSource,
} from "./render-technical-user.js";
import type { Locale } from "./right-info.js";

const TEXT: Record<Locale, { title: string; intro: string; rights: string; why: string }> = {
  en: {
    title: "Technical user",
    intro:
      "This user is added to each environment you activate. Its username and rights come from the integrator and cannot be edited.",
    rights: "Rights",
    why: "Why",
  },
  fi: {
    title: "Tekninen käyttäjä",
    intro:
      "Käyttäjä lisätään jokaiseen aktivoimaasi ympäristöön. Sen käyttäjänimi ja käyttöoikeudet tulevat ohjelmistontarjoajalta, eikä niitä voi muokata.",
    rights: "Käyttöoikeudet",
    why: "Peruste",
  },
};

/**
 * The technical user as plain text, exactly as the customer reviews it:
 *
 * ```text
 * Technical user: Acme Invoice Sync (acme-invoice-sync)
 * This user is added to each environment you activate. Its username and rights come from the integrator and cannot be edited.
 *
 * Rights:
 * - Sales invoices: All rights
 *   Create, edit, send and cancel sales invoices.
 *   Why: Creates sales invoices from shop orders.
 * - Customer and supplier register: Viewing rights
 *   See customers and suppliers with their contact and payment details.
 *   Why: Looks up customers before invoicing.
 * ```
 *
 * When the display name equals the username the first line is `Technical user: acme-invoice-sync`.
 * Lines end with "\n", including the last. No colours, no wrapping: the caller decides.
 */
export function renderTechnicalUserText(
  definition: TechnicalUserSource,
  options: RenderTechnicalUserOptions,
): string {
  const rendered = renderTechnicalUser(definition, options);
  const text = TEXT[rendered.locale];
  const who =
    rendered.displayName === rendered.username
      ? rendered.username
      : `${rendered.displayName} (${rendered.username})`;
  const lines = [`${text.title}: ${who}`, text.intro, "", `${text.rights}:`];
  for (const right of rendered.rights) {
    lines.push(`- ${right.label}: ${right.levelLabel}`);
    lines.push(`  ${right.description}`);
    lines.push(`  ${text.why}: ${right.purpose}`);
  }
  return `${lines.join("\n")}\n`;
}
