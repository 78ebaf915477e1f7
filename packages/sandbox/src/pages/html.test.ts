import { describe, expect, it } from "vitest";
import { escapeHtml, html, raw, safeUrl } from "./html.js";

describe("html", () => {
  it("escapes every interpolation that is not itself html", () => {
    const name = `<script>alert("x")</script> & 'co' \`tick\``;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; &#96;tick&#96;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; &#96;tick&#96;</p>',
    );
  });

  it("keeps nested templates and raw markup, joins lists, drops null, undefined and booleans", () => {
    const items = ["a<b", "c"].map((x) => html`<li>${x}</li>`);
    const out = html`<ul>${items}</ul>${null}${undefined}${false}${true}${0}${raw("<hr>")}`;
    expect(out.value).toBe("<ul><li>a&lt;b</li><li>c</li></ul>0<hr>");
    expect(String(out)).toBe(out.value);
  });

  it("escapes text that looks like html inside lists", () => {
    expect(html`${["<i>", html`<i>`]}`.value).toBe("&lt;i&gt;<i>");
    expect(escapeHtml("plain")).toBe("plain");
  });
});

describe("safeUrl", () => {
  it("lets http(s) and same-site paths through and turns anything else into #", () => {
    expect(safeUrl("https://acme.example/a?b=1")).toBe("https://acme.example/a?b=1");
    expect(safeUrl("http://127.0.0.1:5000/cb")).toBe("http://127.0.0.1:5000/cb");
    expect(safeUrl("/requests/1")).toBe("/requests/1");
    expect(safeUrl("//evil.example")).toBe("#");
    expect(safeUrl("javascript:alert(1)")).toBe("#");
    expect(safeUrl("data:text/html,hi")).toBe("#");
    expect(safeUrl("not a url")).toBe("#");
    expect(safeUrl(null)).toBe("#");
  });
});
