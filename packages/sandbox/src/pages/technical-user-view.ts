import { type RenderedRight, renderTechnicalUser } from "@pcx/sdk";
import type { WireDefinition } from "@pcx/sdk/contract";
import { html, type SafeHtml } from "./html.js";
import type { PageContext } from "./page-context.js";

type Change =
  | { kind: "added" }
  | { kind: "raised"; before: string }
  | { kind: "lowered"; before: string }
  | { kind: "none" };

function changeOf(right: RenderedRight, before: Map<string, RenderedRight>): Change {
  const prev = before.get(right.right);
  if (!prev) return { kind: "added" };
  if (prev.level === right.level) return { kind: "none" };
  return prev.level === "view" && right.level === "all"
    ? { kind: "raised", before: prev.levelLabel }
    : { kind: "lowered", before: prev.levelLabel };
}

function changeCell(pc: PageContext, change: Change): SafeHtml {
  const { t } = pc;
  switch (change.kind) {
    case "added":
      return html`<mark>${t.changeAdded}</mark>`;
    case "raised":
      return html`<mark>${t.changeRaised(change.before)}</mark>`;
    case "lowered":
      return html`${t.changeLowered(change.before)}`;
    default:
      return html`<span class="muted">${t.changeNone}</span>`;
  }
}

/**
 * The technical user exactly as `pcx validate` renders it for the
 * integrator (the SDK's `renderTechnicalUser`), read-only. With `before`,
 * a "Change" column marks new and raised rights, and removed ones are listed.
 */
export function technicalUserView(
  pc: PageContext,
  definition: WireDefinition,
  before?: WireDefinition,
): SafeHtml {
  const { t, locale } = pc;
  const user = renderTechnicalUser(definition, { locale });
  const previous = before ? renderTechnicalUser(before, { locale }) : undefined;
  const beforeByKey = new Map(previous?.rights.map((r) => [r.right, r]) ?? []);
  const removed = previous?.rights.filter((r) => !user.rights.some((n) => n.right === r.right));
  return html`<dl class="pairs">
  ${user.displayName !== user.username ? html`<dt>${t.displayName}</dt><dd>${user.displayName}</dd>` : null}
  <dt>${t.username}</dt><dd><code>${user.username}</code></dd>
</dl>
<table>
  <caption>${t.rightsCaption}</caption>
  <thead><tr><th scope="col">${t.colRight}</th><th scope="col">${t.colLevel}</th><th scope="col">${t.colAllows}</th><th scope="col">${t.colWhy}</th>${previous ? html`<th scope="col">${t.colChange}</th>` : null}</tr></thead>
  <tbody>
  ${user.rights.map((right) => {
    const change = previous ? changeOf(right, beforeByKey) : undefined;
    const marked = change?.kind === "added" || change?.kind === "raised";
    return html`<tr${marked ? html` class="changed"` : null}>
    <th scope="row">${right.label}${right.known ? null : html` <span class="badge">${t.unknownRight}</span>`}</th>
    <td>${right.levelLabel}</td>
    <td>${right.description}</td>
    <td>${right.purpose}</td>
    ${change ? html`<td>${changeCell(pc, change)}</td>` : null}
  </tr>`;
  })}
  </tbody>
</table>
${
  removed && removed.length > 0
    ? html`<p>${t.removedRights}</p><ul>${removed.map((r) => html`<li>${r.label}: ${r.levelLabel}</li>`)}</ul>`
    : null
}`;
}
