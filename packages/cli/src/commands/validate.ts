import { type DefinitionIssue, loadDefinition, renderTechnicalUserText } from "@pcx/sdk";
import { defineCommand } from "../command.js";
import { displayPath } from "../render/display-path.js";
import { formatIssue, plural } from "../render/issues.js";

export interface ValidateInput {
  /** Definition file; default: pcx.integration.json, .yaml or .yml in the working directory. */
  file?: string;
  /** Language of the technical user text (`--locale`). Default "en". */
  locale?: "en" | "fi";
}

export interface ValidateResult {
  file: string;
  format: string;
  valid: boolean;
  errors: DefinitionIssue[];
  warnings: DefinitionIssue[];
  /** The technical user as the customer reviews it; only when valid. */
  technicalUser?: string;
}

/** `pcx validate [FILE]`: errors exit 1, warnings alone exit 0. */
export default defineCommand<ValidateInput, ValidateResult>({
  async run(input, ctx) {
    const loaded = await loadDefinition(input.file, { cwd: ctx.cwd });
    const valid = loaded.errors.length === 0;
    return {
      file: displayPath(loaded.file, ctx.cwd),
      format: loaded.format,
      valid,
      errors: loaded.errors,
      warnings: loaded.warnings,
      ...(valid && loaded.value
        ? { technicalUser: renderTechnicalUserText(loaded.value, { locale: input.locale ?? "en" }) }
        : {}),
    };
  },

  toJson: ({ file, valid, errors, warnings }) => ({ file, valid, errors, warnings }),

  exitCode: (result) => (result.valid ? 0 : 1),

  async render(result, ctx) {
    const paint = await ctx.out.paint();
    const lines = [...result.errors, ...result.warnings].map((issue) =>
      formatIssue(result.file, issue, paint),
    );
    if (lines.length > 0) lines.push("");
    const counts = [
      plural(result.errors.length, "error"),
      plural(result.warnings.length, "warning"),
    ];
    if (result.valid) {
      const note =
        result.warnings.length > 0 ? ` (${plural(result.warnings.length, "warning")})` : "";
      lines.push(`${paint.green("✔")} ${result.file} is valid${note}`);
      if (result.technicalUser) {
        lines.push("", paint.bold("The technical user, as customers will review it:"), "");
        lines.push(indent(result.technicalUser.trimEnd()));
      }
    } else {
      lines.push(`${paint.red("✖")} ${result.file}: ${counts.join(", ")}`);
    }
    return lines.join("\n");
  },
});

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
}
