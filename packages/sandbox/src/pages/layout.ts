import { html, type SafeHtml } from "./html.js";
import type { PageContext } from "./page-context.js";
import { STYLES } from "./styles.js";

export interface LayoutOptions {
  /** The page's own title (the <h1> usually says the same). */
  title: string;
  main: SafeHtml;
  /** Reload the page after this many seconds (status pages while something is pending). */
  refreshSeconds?: number;
  /** The GET address the language switch leads to; default: this page's own address. */
  langHref?: string;
  /** Inline script (trusted source only); gets the CSP nonce. */
  script?: SafeHtml;
}

/**
 * `href` (a path, or a URL on `base`'s origin) with `lang` set, as a
 * same-site path. A path such as `//x` stays a path: read as a URL it
 * would name the host x (or no valid host at all).
 */
export function withLang(href: string, base: URL, lang: string): string {
  const url = new URL(href.startsWith("/") ? `${base.origin}${href}` : href, base);
  url.searchParams.set("lang", lang);
  return `${url.pathname.replace(/^\/+/, "/")}${url.search}`;
}

/**
 * The page shell: the "sandbox" banner (on every page), the top bar with
 * the signed-in user and the language switch, and the main content.
 */
export function layout(pc: PageContext, options: LayoutOptions): SafeHtml {
  const { t, user, nonce } = pc;
  const here = options.langHref ?? `${pc.url.pathname}${pc.url.search}`;
  const otherLang = t.switchLanguageHreflang;
  return html`<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.refreshSeconds ? html`<meta http-equiv="refresh" content="${options.refreshSeconds}">` : null}
<title>${options.title} · ${t.htmlTitleSuffix}</title>
<style nonce="${nonce}">${STYLES}</style>
</head>
<body>
<a class="skip" href="#main">${t.skipToContent}</a>
<p class="banner" role="note">${t.sandboxBanner}</p>
<header class="top">
  <div><a class="brand" href="/">${t.brand}</a><span class="tag">${t.sandboxTag}</span></div>
  <div class="who">
    <a href="${withLang(here, pc.url, otherLang)}" hreflang="${otherLang}" lang="${otherLang}">${t.switchLanguage}</a>
    ${
      user
        ? html`<a href="/outbox">${t.outboxLink}</a>
    <span>${t.signedInAs(user.name)}</span>
    <form method="post" action="/signout"><button class="linkish" type="submit">${t.signOut}</button></form>`
        : null
    }
  </div>
</header>
<main id="main" tabindex="-1">
${options.main}
</main>
${options.script ? html`<script nonce="${nonce}">${options.script}</script>` : null}
</body>
</html>
`;
}

/** An error box that screen readers announce. */
export function alertBox(message: string | null | undefined, id = "form-error"): SafeHtml | null {
  if (!message) return null;
  return html`<div class="alert" role="alert" id="${id}"><p>${message}</p></div>`;
}
