import { html } from "./html.js";
import { alertBox, layout } from "./layout.js";
import { type PageAnswer, type PageContext, page, redirect } from "./page-context.js";
import type { Sessions } from "./session.js";

/** Where relative paths are resolved to check them; any origin would do. */
const CHECK_ORIGIN = "http://sandbox.localhost";

/**
 * A same-origin path to go to after signing in; anything else becomes "/".
 * Refused: other origins (`//host`, `/\\host`, `https://…`), control
 * characters anywhere (a CR/LF would split the Location header, and
 * browsers drop tabs and newlines from URLs, so `/\t/host` means `//host`),
 * and over-long values. What passes is re-serialised by the URL parser,
 * percent-encoding anything a header cannot carry.
 */
export function safeNext(next: string | null | undefined): string {
  if (typeof next !== "string" || next.length > 2048) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f-\u009f]/.test(next)) return "/";
  if (!/^\/(?![/\\])/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, CHECK_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== CHECK_ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

/** Where a signed-out visitor is sent: the sign-in page, coming back here afterwards. */
export function signInRedirect(pc: PageContext): PageAnswer {
  const next = pc.http.method === "GET" ? `${pc.url.pathname}${pc.url.search}` : "/";
  return redirect(`/signin?next=${encodeURIComponent(next)}`);
}

export function signInPage(pc: PageContext, error?: string, status = 200): PageAnswer {
  const { t } = pc;
  const next = safeNext(pc.url.searchParams.get("next"));
  const users = pc.engine.listUsers();
  const main = html`<section class="card" aria-labelledby="title">
  <h1 id="title">${t.signInTitle}</h1>
  <p>${t.signInIntro}</p>
  ${alertBox(error)}
  <form method="post" action="/signin?next=${encodeURIComponent(next)}">
    <fieldset${error ? html` aria-describedby="form-error"` : null}>
      <legend>${t.signInLegend}</legend>
      <ul class="envs">
      ${users.map(
        (
          user,
          index,
        ) => html`<li><label><input type="radio" name="user" value="${user.signInName}"${index === 0 ? html` checked` : null}>
        <span>${user.name}<small>${user.signInName}, ${user.email}</small></span></label></li>`,
      )}
      </ul>
    </fieldset>
    <div class="actions"><button type="submit">${t.signInButton}</button></div>
  </form>
</section>`;
  return page(layout(pc, { title: t.signInTitle, main }), status);
}

export function signIn(pc: PageContext, sessions: Sessions): PageAnswer {
  const name = pc.form.get("user");
  if (!name) return signInPage(pc, pc.t.signInPickUser, 400);
  const user = name.length <= 100 ? pc.engine.findUserBySignInName(name) : undefined;
  if (!user) return signInPage(pc, pc.t.signInUnknownUser, 400);
  pc.setCookies.push(sessions.signIn(user.id));
  return redirect(safeNext(pc.url.searchParams.get("next")));
}

export function signOut(pc: PageContext, sessions: Sessions): PageAnswer {
  pc.setCookies.push(sessions.signOut());
  return redirect("/signin");
}
