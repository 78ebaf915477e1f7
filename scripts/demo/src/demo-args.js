// The demo's command line: `--open`, `--help`; anything else is a usage error.

export const USAGE = `Usage: npx -y pnpm@10 demo [--open]

Runs one whole activation offline: Procountor's sandbox, the integrator's
publish, limit and link, the Express example backend on SQLite, and a customer
through the pages. --open keeps the sandbox and the backend running and prints
a link to click through in a browser (stop with Ctrl+C).`;

/**
 * @param {string[]} args The arguments after the script's name.
 * @returns {{ kind: "run", open: boolean } | { kind: "help" } | { kind: "usage-error", message: string }}
 */
export function parseDemoArgs(args) {
  const unknown = args.find((arg) => !["--open", "--help", "-h"].includes(arg));
  if (unknown !== undefined) {
    const shown = JSON.stringify(unknown.slice(0, 40));
    return {
      kind: "usage-error",
      message: `unknown argument ${shown}: the demo takes --open or --help`,
    };
  }
  if (args.includes("--help") || args.includes("-h")) return { kind: "help" };
  return { kind: "run", open: args.includes("--open") };
}
