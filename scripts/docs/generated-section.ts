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

/** A markdown table, its columns padded as the repository's formatter (biome) lays them out. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) =>
    Math.max(3, width(h), ...rows.map((row) => width(row[i] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((w, i) => pad(cells[i] ?? "", w)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Display width: one column per code point. */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number): string {
  return text + " ".repeat(to - width(text));
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}
