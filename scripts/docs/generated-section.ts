/**
 * Generated sections of the docs: the text between
 * `<!-- generated:NAME start … -->` and `<!-- generated:NAME end -->` belongs
 * to the generator; everything else on the page is written by hand.
 */

/** The command that rewrites every generated section. */
export const GENERATE_COMMAND = "npx -y pnpm@10 docs:generate";

export function startMarker(name: string): string {
  return `<!-- generated:${name} start: do not edit by hand; run \`${GENERATE_COMMAND}\` -->`;
}

export function endMarker(name: string): string {
  return `<!-- generated:${name} end -->`;
}

/** `page` with the section `name` replaced by `body`; throws when the markers are missing. */
export function replaceSection(page: string, name: string, body: string): string {
  const start = startMarker(name);
  const end = endMarker(name);
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from === -1 || to === -1 || to < from) {
    throw new Error(`The page has no generated section "${name}": add the lines\n${start}\n${end}`);
  }
  return `${page.slice(0, from + start.length)}\n\n${body.trim()}\n\n${page.slice(to)}`;
}

/** Escapes a text for a markdown table cell. */
export function cell(text: string): string {
  return text.replaceAll("\\", "\\\\").replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** A markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}
