/**
 * HTML that is safe to send as is. Only `html` and `raw` make one, so any
 * string that reaches a page without going through them is escaped.
 */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: text (escaped), safe HTML, lists of either, or nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Escapes text for element content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => ESCAPES[ch] as string);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false || value === true) return "";
  return escapeHtml(String(value));
}

/**
 * The only way pages build markup: every interpolation is escaped unless it
 * is itself `SafeHtml` (a nested `html` template). `null`, `undefined` and
 * booleans render nothing, so `${cond && html`…`}` works. Attribute values
 * must be quoted with double quotes: `<a href="${url}">`.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) {
    out += render(values[i] as HtmlValue) + (strings[i + 1] ?? "");
  }
  return new SafeHtml(out);
}

/** Trusted markup (constants written in this module's source only, never input). */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

/**
 * A URL fit for `href`/`src`: http(s) absolute URLs and same-site paths pass,
 * anything else (javascript:, data:, garbage) becomes "#".
 */
export function safeUrl(url: string | null | undefined): string {
  if (!url) return "#";
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : "#";
  } catch {
    return "#";
  }
}
