import type { Sandbox } from "../src/index.js";
import { fetchOf } from "./helpers.js";

export type FormFields = Record<string, string | string[]>;

export interface PageAnswer {
  status: number;
  text: string;
  headers: Headers;
  location: string | null;
}

function toBody(form: FormFields | URLSearchParams | string): string {
  if (typeof form === "string") return form;
  if (form instanceof URLSearchParams) return form.toString();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, one);
  }
  return params.toString();
}

/**
 * A tiny browser for page tests: keeps cookies, sends Accept: text/html,
 * posts forms, never follows redirects (tests look at them). Over HTTP or
 * in process, as the sandbox runs (`fetchOf`).
 */
export function pageAgent(s: Sandbox) {
  const jar = new Map<string, string>();
  async function request(
    method: string,
    path: string,
    form?: FormFields | URLSearchParams | string,
    headers: Record<string, string> = {},
  ): Promise<PageAnswer> {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetchOf(s)(`${s.url}${path}`, {
      method,
      redirect: "manual",
      headers: {
        accept: "text/html",
        ...(cookie ? { cookie } : {}),
        ...(form !== undefined ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        ...headers,
      },
      ...(form !== undefined ? { body: toBody(form) } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      if (/max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1));
    }
    return {
      status: res.status,
      text: await res.text(),
      headers: res.headers,
      location: res.headers.get("location"),
    };
  }
  return {
    jar,
    get: (path: string, headers?: Record<string, string>) =>
      request("GET", path, undefined, headers),
    post: (
      path: string,
      form: FormFields | URLSearchParams | string,
      headers?: Record<string, string>,
    ) => request("POST", path, form, headers),
    async signIn(user = "demo"): Promise<void> {
      const answer = await request("POST", "/signin", { user });
      if (answer.status !== 303) throw new Error(`sign-in: ${answer.status} ${answer.text}`);
    },
  };
}

/** The values of the checked `env` checkboxes on a page. */
export function checkedEnvs(text: string): string[] {
  return [...text.matchAll(/<input type="checkbox" name="env" value="(\d+)"([^>]*)>/g)]
    .filter((m) => /\bchecked\b/.test(m[2] ?? ""))
    .map((m) => m[1] as string);
}

/** The values of all `env` checkboxes on a page. */
export function listedEnvs(text: string): string[] {
  return [...text.matchAll(/<input type="checkbox" name="env" value="(\d+)"/g)].map(
    (m) => m[1] as string,
  );
}

/** The text of the role="alert" box, tags stripped. */
export function alertText(text: string): string | undefined {
  const match = /role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(text);
  return match?.[1]?.replace(/<[^>]+>/g, "").trim();
}
