/** A command as shell completion needs it: its name, flags and subcommands. */
export interface CommandSpec {
  name: string;
  summary: string;
  /** Long flags (and short ones) with what they take. */
  options: OptionSpec[];
  commands: CommandSpec[];
  /** Values the first argument takes, when fixed (e.g. completion's shells). */
  argumentChoices: string[];
}

export interface OptionSpec {
  flags: string[];
  description: string;
  /** True when the flag takes a value. */
  takesValue: boolean;
  /** The values it takes, when fixed. */
  choices: string[];
}

/** The bits of a commander command this module reads. */
interface CommandNode {
  readonly commands: readonly CommandNode[];
  readonly options: readonly {
    long?: string;
    short?: string;
    description: string;
    required: boolean;
    optional: boolean;
    hidden: boolean;
    argChoices?: string[];
  }[];
  readonly registeredArguments: readonly { argChoices?: string[] }[];
  name(): string;
  summary(): string;
  description(): string;
}

/** The command tree under `root`, for `pcx completion`. Hidden options are left out. */
export function describeCommands(root: CommandNode): CommandSpec {
  return {
    name: root.name(),
    summary: root.summary() || root.description(),
    options: root.options
      .filter((o) => !o.hidden)
      .map((o) => ({
        flags: [o.long, o.short].filter((f): f is string => f !== undefined),
        description: o.description,
        takesValue: o.required || o.optional,
        choices: o.argChoices ?? [],
      })),
    commands: root.commands.map((c) => describeCommands(c)),
    argumentChoices: root.registeredArguments[0]?.argChoices ?? [],
  };
}
