import type { Program } from "./create-program.js";
import { HELP_TOPICS } from "./help-topics.js";
import { nearestWord } from "./nearest-word.js";

/** The bits of a commander command that help needs. */
interface HelpNode {
  readonly commands: readonly HelpNode[];
  name(): string;
  aliases(): string[];
  outputHelp(): void;
}

/** The command at `path` under `root` (`["limits", "set"]`), if there is one. */
function findCommand(root: HelpNode, path: readonly string[]): HelpNode | undefined {
  let node: HelpNode | undefined = root;
  for (const word of path) {
    node = node?.commands.find((c) => c.name() === word || c.aliases().includes(word));
  }
  return node;
}

/**
 * `pcx help [topic…]`: the root help; a command's help (`pcx help limits
 * set`); or a topic that is not a command (`pcx help environment`). An
 * unknown topic is a usage error (exit 2) suggesting the nearest one.
 */
export function declareHelp(program: Program): void {
  program
    .command("help")
    .summary("help for a command or a topic (environment, exit-codes)")
    .argument("[topic...]", "a command (e.g. limits set) or a topic")
    .action((topic, _options, cmd) => {
      const target = findCommand(program, topic);
      if (target && target.name() !== "help") return target.outputHelp();
      const name = topic.join(" ");
      const found = HELP_TOPICS[name];
      if (found) {
        cmd.configureOutput().writeOut?.(`${found.text()}\n`);
        return;
      }
      const known = [
        ...program.commands.map((c) => c.name()).filter((n) => n !== "help"),
        ...Object.keys(HELP_TOPICS),
      ];
      const near = nearestWord(name, known);
      cmd.error(
        `unknown help topic '${name}'.${near ? ` (Did you mean ${near}?)` : ""} Commands and topics: ${known.join(", ")}.`,
        { exitCode: 2, code: "pcx.unknownHelpTopic" },
      );
    });
}
