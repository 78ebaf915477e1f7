import { html, raw, type SafeHtml } from "./html.js";
import type { PageContext } from "./page-context.js";

/** One row of the picker. */
export interface PickerItem {
  companyId: number;
  name: string;
  businessId: string;
  /** Shown after the name, e.g. the "activated earlier manually" badge. */
  extra?: SafeHtml | null;
}

export interface PickerOptions {
  items: PickerItem[];
  checked: ReadonlySet<number>;
  /** The integration's cap on environments per request, or null. */
  limit: number | null;
  /** The id of the error box describing a problem with the picks, if any. */
  errorId?: string | null;
}

/** A number the counter's text template uses as the placeholder for the count. */
const COUNT_PLACEHOLDER = 987654321;

/**
 * The checkboxes of a picker (`env` fields) inside a fieldset, with an
 * optional live counter that only JavaScript shows; the server checks the
 * limit either way.
 */
export function environmentPicker(pc: PageContext, options: PickerOptions): SafeHtml {
  const { t } = pc;
  const template = t.selectedCount(COUNT_PLACEHOLDER, options.limit);
  return html`<fieldset id="env-fieldset"${options.errorId ? html` aria-describedby="${options.errorId}"` : null}>
  <legend>${t.environmentsLegend}</legend>
  <ul class="envs">
  ${options.items.map(
    (
      item,
    ) => html`<li><label><input type="checkbox" name="env" value="${item.companyId}"${options.checked.has(item.companyId) ? html` checked` : null}${options.errorId ? html` aria-invalid="true"` : null}>
    <span>${item.name}${item.extra ? html` ${item.extra}` : null}<small>${t.businessId} ${item.businessId}</small></span></label></li>`,
  )}
  </ul>
  <p id="env-count" class="muted" aria-live="polite" hidden data-template="${template}" data-placeholder="${COUNT_PLACEHOLDER}" data-limit="${options.limit ?? ""}"></p>
</fieldset>`;
}

/** The counter's script: counts checked boxes and says when the limit is passed. No input is interpolated. */
export const PICKER_SCRIPT: SafeHtml = raw(`(function(){
var out=document.getElementById("env-count"),box=document.getElementById("env-fieldset");
if(!out||!box)return;
var limit=out.dataset.limit?Number(out.dataset.limit):null;
function update(){
  var n=box.querySelectorAll("input[name=env]:checked").length;
  out.textContent=out.dataset.template.split(out.dataset.placeholder).join(String(n));
  out.className=limit!==null&&n>limit?"status status-REJECTED":"muted";
}
out.hidden=false;box.addEventListener("change",update);update();
})();`);
