import { PcxError } from "@pcx/sdk";

/**
 * Every question pcx asks goes through this module, so tests mock it
 * (`vi.mock("../io/prompts.js")`) and commands never import inquirer.
 * Prompts are drawn on stderr, keeping stdout for the result (and for the
 * single `--json` document). Commands only call these when the context is
 * interactive (stdin and stdout are TTYs); every question also has a flag.
 */

export interface TextQuestion {
  message: string;
  /** Pre-filled answer, accepted with Enter. Default none. */
  default?: string;
  /** Return `true` or a message saying how to fix the answer. Default: any answer. */
  validate?: (value: string) => true | string;
  /** When false an empty answer is accepted. Default true. */
  required?: boolean;
}

export interface Choice<T extends string> {
  value: T;
  name?: string;
  description?: string;
}

const context = () => ({ input: process.stdin, output: process.stderr });

/** Ctrl+C inside a prompt: stop without a stack trace. */
function cancelled(error: unknown): never {
  if (error instanceof Error && error.name === "ExitPromptError") {
    throw new PcxError("pcx_usage", "Cancelled; nothing was written.");
  }
  throw error;
}

export async function askText(question: TextQuestion): Promise<string> {
  const { input } = await import("@inquirer/prompts");
  try {
    const answer = await input(
      {
        message: question.message,
        default: question.default,
        required: question.required ?? true,
        validate: question.validate
          ? (value: string) => question.validate!(value.trim())
          : undefined,
      },
      context(),
    );
    return answer.trim();
  } catch (error) {
    return cancelled(error);
  }
}

export async function askConfirm(message: string, defaultValue = false): Promise<boolean> {
  const { confirm } = await import("@inquirer/prompts");
  try {
    return await confirm({ message, default: defaultValue }, context());
  } catch (error) {
    return cancelled(error);
  }
}

export async function askSelect<T extends string>(
  message: string,
  choices: readonly Choice<T>[],
  defaultValue?: T,
): Promise<T> {
  const { select } = await import("@inquirer/prompts");
  try {
    return await select<T>({ message, choices: [...choices], default: defaultValue }, context());
  } catch (error) {
    return cancelled(error);
  }
}

/** A secret: typed without echo (masked with *), never shown again, drawn on stderr. */
export async function askSecret(message: string): Promise<string> {
  const { password } = await import("@inquirer/prompts");
  try {
    const answer = await password(
      {
        message,
        mask: "*",
        validate: (value: string) => value.trim() !== "" || "Required; paste or type the value.",
      },
      context(),
    );
    return answer.trim();
  } catch (error) {
    return cancelled(error);
  }
}

/** Several of `choices` (ticked ones in `checked`), drawn on stderr; at least one must be picked. */
export async function askCheckbox<T extends string>(
  message: string,
  choices: readonly Choice<T>[],
  checked: readonly T[] = [],
): Promise<T[]> {
  const { checkbox } = await import("@inquirer/prompts");
  try {
    return await checkbox<T>(
      {
        message,
        choices: choices.map((choice) => ({ ...choice, checked: checked.includes(choice.value) })),
        required: true,
      },
      context(),
    );
  } catch (error) {
    return cancelled(error);
  }
}
