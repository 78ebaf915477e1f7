import { Argument } from "@commander-js/extra-typings";
import type { Program } from "./create-program.js";
import { describeCommands } from "./describe-commands.js";
import type { Invoke } from "./invoker.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;

export function declareCompletion(program: Program, invoke: Invoke): void {
  program
    .command("completion")
    .summary("print a shell completion script")
    .description(
      "Print a completion script for bash, zsh or fish. Load it in your shell's start-up file, e.g.\n" +
        "  bash: echo 'eval \"$(pcx completion bash)\"' >> ~/.bashrc\n" +
        "  zsh:  echo 'eval \"$(pcx completion zsh)\"' >> ~/.zshrc\n" +
        "  fish: pcx completion fish > ~/.config/fish/completions/pcx.fish",
    )
    .addArgument(new Argument("<shell>", "the shell").choices(SHELLS))
    .action((shell, _options, cmd) =>
      invoke(cmd, () => import("../commands/completion.js"), {
        shell,
        tree: describeCommands(program),
      }),
    );
}
