/** The bits of a commander command this module walks (extra-typings' commands all fit). */
interface CommandNode {
  readonly commands: readonly CommandNode[];
  readonly options: readonly {
    long?: string;
    short?: string;
    required: boolean;
    optional: boolean;
  }[];
  name(): string;
  aliases(): string[];
}

const HELP_FLAGS = new Set(["--help", "-h"]);

/**
 * `pcx reqests --help` would print the root help (commander answers --help
 * before it notices the unknown command). When the argv names a command that
 * does not exist, this drops the help flags so that commander reports the
 * unknown command, with its suggestion, as a usage error (exit 2).
 */
export function withoutHelpForUnknownCommand(
  root: CommandNode,
  argv: readonly string[],
): readonly string[] {
  if (!argv.some((arg) => HELP_FLAGS.has(arg))) return argv;
  let level = root;
  const options = [...root.options];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return argv;
    if (arg.startsWith("-")) {
      const option = options.find((o) => o.long === arg || o.short === arg);
      // A value that follows its option (`--profile sandbox`) is not a command.
      if (option?.required && !arg.includes("=")) i += 1;
      continue;
    }
    if (level.commands.length === 0) return argv;
    if (arg === "help" && level === root) return argv;
    const sub = level.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!sub) return argv.filter((a) => !HELP_FLAGS.has(a));
    level = sub;
    options.push(...sub.options);
  }
  return argv;
}
