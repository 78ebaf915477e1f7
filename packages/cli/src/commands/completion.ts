import { defineCommand } from "../command.js";
import type { CommandSpec } from "../declarations/describe-commands.js";

export interface CompletionInput {
  shell: "bash" | "zsh" | "fish";
  /** The command tree, as declared (`describeCommands(program)`). */
  tree: CommandSpec;
}

export interface CompletionResult {
  shell: CompletionInput["shell"];
  script: string;
}

/** Every command path below the root, parents first: [["limits"], ["limits", "show"], …]. */
function paths(spec: CommandSpec, prefix: string[] = []): { path: string[]; spec: CommandSpec }[] {
  return spec.commands.flatMap((sub) => [
    { path: [...prefix, sub.name], spec: sub },
    ...paths(sub, [...prefix, sub.name]),
  ]);
}

const flagsOf = (spec: CommandSpec) => spec.options.flatMap((o) => o.flags);
/**
 * bash and zsh alike: walk the words typed so far and keep those that name a
 * command, giving the command path ("limits set") in `cmdpath`.
 */
function commandPathWalk(tree: CommandSpec, words: string): string {
  const names = [...new Set(paths(tree).map(({ spec }) => spec.name))];
  return `  for word in ${words}; do
    case "$word" in
      ${names.join("|")}) cmdpath="\${cmdpath:+$cmdpath }$word" ;;
    esac
  done`;
}

/** Single-quoted for the shell. */
const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * bash: the words so far pick the deepest command; offer its subcommands, its
 * flags and the global ones, or the values of the flag just typed.
 */
function bashScript(tree: CommandSpec): string {
  const global = flagsOf(tree).join(" ");
  const cases = paths(tree).map(({ path, spec }) => {
    const words = [...spec.commands.map((c) => c.name), ...spec.argumentChoices, ...flagsOf(spec)];
    return `    "${path.join(" ")}") words="${words.join(" ")} ${global}" ;;`;
  });
  const valueCases = [tree, ...paths(tree).map((p) => p.spec)]
    .flatMap((spec) => spec.options)
    .filter((o) => o.choices.length > 0)
    .map(
      (o) =>
        `    ${o.flags.join("|")}) COMPREPLY=($(compgen -W "${o.choices.join(" ")}" -- "$cur")); return ;;`,
    );
  return `# pcx completion for bash. Load with: eval "$(pcx completion bash)"
_pcx_completion() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmdpath="" word words
  case "$prev" in
${[...new Set(valueCases)].join("\n")}
  esac
${commandPathWalk(tree, `"\${COMP_WORDS[@]:1:COMP_CWORD-1}"`)}
  case "$cmdpath" in
${cases.join("\n")}
    *) words="${tree.commands.map((c) => c.name).join(" ")} ${global}" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _pcx_completion pcx
`;
}

/** zsh: the same walk as bash, with descriptions through _describe. */
function zshScript(tree: CommandSpec): string {
  // _describe splits "name:description" at the first colon; names have none.
  const flags = (spec: CommandSpec) =>
    spec.options.flatMap((o) => o.flags.map((f) => quote(`${f}:${o.description}`)));
  const describe = (spec: CommandSpec) =>
    [
      ...spec.commands.map((c) => quote(`${c.name}:${c.summary}`)),
      ...spec.argumentChoices.map(quote),
      ...flags(spec),
    ].join(" ");
  const global = flags(tree).join(" ");
  const cases = paths(tree).map(
    ({ path, spec }) => `    "${path.join(" ")}") entries=(${describe(spec)}) ;;`,
  );
  return `#compdef pcx
# pcx completion for zsh. Load with: eval "$(pcx completion zsh)"
_pcx() {
  local cmdpath="" word entries
  local -a global
  global=(${global})
${commandPathWalk(tree, `\${words[2,CURRENT-1]}`)}
  case "$cmdpath" in
${cases.join("\n")}
    *) entries=(${tree.commands.map((c) => quote(`${c.name}:${c.summary}`)).join(" ")}) ;;
  esac
  _describe 'pcx' entries -- global
}
compdef _pcx pcx
`;
}

/** fish: one `complete` line per command and flag, conditioned on the command typed. */
function fishScript(tree: CommandSpec): string {
  const lines = ["# pcx completion for fish. Save as ~/.config/fish/completions/pcx.fish"];
  const flag = (condition: string, o: CommandSpec["options"][number]) => {
    const parts = o.flags.map((f) =>
      f.startsWith("--") ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`,
    );
    const value =
      o.choices.length > 0 ? ` -x -a ${quote(o.choices.join(" "))}` : o.takesValue ? " -r" : "";
    return `complete -c pcx ${condition}${parts.join(" ")}${value} -d ${quote(o.description)}`;
  };
  for (const o of tree.options) lines.push(flag("", o));
  const top = tree.commands.map((c) => c.name).join(" ");
  for (const c of tree.commands) {
    lines.push(
      `complete -c pcx -f -n "not __fish_seen_subcommand_from ${top}" -a ${c.name} -d ${quote(c.summary)}`,
    );
  }
  for (const { path, spec } of paths(tree)) {
    const seen = path.map((word) => `__fish_seen_subcommand_from ${word}`).join("; and ");
    const children = spec.commands.map((c) => c.name).join(" ");
    const notDeeper = children ? `; and not __fish_seen_subcommand_from ${children}` : "";
    for (const sub of spec.commands) {
      lines.push(
        `complete -c pcx -f -n "${seen}${notDeeper}" -a ${sub.name} -d ${quote(sub.summary)}`,
      );
    }
    if (spec.argumentChoices.length > 0) {
      lines.push(`complete -c pcx -f -n "${seen}" -a ${quote(spec.argumentChoices.join(" "))}`);
    }
    for (const o of spec.options) lines.push(flag(`-n "${seen}" `, o));
  }
  return `${lines.join("\n")}\n`;
}

const SCRIPTS = { bash: bashScript, zsh: zshScript, fish: fishScript };

/** `pcx completion bash|zsh|fish`: a completion script generated from the declared commands. */
export default defineCommand<CompletionInput, CompletionResult>({
  async run(input) {
    return { shell: input.shell, script: SCRIPTS[input.shell](input.tree) };
  },
  render: (result) => result.script.trimEnd(),
});
