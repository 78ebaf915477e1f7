import { en, type Messages } from "./messages-en.js";
import { fi } from "./messages-fi.js";

/** The languages of the customer's pages. */
export type PageLocale = "en" | "fi";

export const PAGE_LOCALES: readonly PageLocale[] = ["en", "fi"];

const MESSAGES: Record<PageLocale, Messages> = { en, fi };

/** The cookie that remembers the language picked with `?lang=`. */
export const LANG_COOKIE = "pcx_sandbox_lang";

export function isPageLocale(value: unknown): value is PageLocale {
  return value === "en" || value === "fi";
}

export function messagesFor(locale: PageLocale): Messages {
  return MESSAGES[locale];
}

/**
 * The page language: `?lang=en|fi` wins (and is then remembered in a
 * cookie), then the cookie, then English.
 */
export function pickLocale(
  query: URLSearchParams,
  cookies: Record<string, string>,
): { locale: PageLocale; remember: boolean } {
  const asked = query.get("lang");
  if (isPageLocale(asked)) return { locale: asked, remember: cookies[LANG_COOKIE] !== asked };
  const stored = cookies[LANG_COOKIE];
  return { locale: isPageLocale(stored) ? stored : "en", remember: false };
}

const FORMATS: Record<PageLocale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Helsinki",
  }),
  fi: new Intl.DateTimeFormat("fi-FI", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Helsinki",
  }),
};

/** A timestamp in the locale's style, in Finnish time (Procountor's customers are in Finland). */
export function formatDateTime(iso: string, locale: PageLocale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : FORMATS[locale].format(date);
}
