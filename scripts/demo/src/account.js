// The demo's closing lines: each environment's final status, then what to
// try next (or, with --open, where to click).
import { sanitizeForTerminal } from "@pcx/sdk";
import { outcomeLine } from "./outcomes.js";

/** @param {import("./outcomes.js").EnvironmentOutcome[]} outcomes */
export function finalAccount(outcomes) {
  return ["", "Final status per environment:", ...outcomes.map((o) => `  ${outcomeLine(o)}`)];
}

export function nextSteps() {
  return [
    "",
    "Try next:",
    "  npx -y pnpm@10 demo --open     the same, then keep it running and click through it yourself",
    "  examples/express-backend/src/backend.js",
    "                                 the backend you just ran: change its decision, run the demo again",
    "  npx -y pnpm@10 test            the whole suite",
    "  docs/getting-started.md        from a definition to a decided request in your own project",
  ];
}

/**
 * @param {string} sandboxUrl
 * @param {string} callbackUrl
 * @param {string} link A fresh link: the one above is used up.
 * @param {import("./outcomes.js").EnvironmentOutcome[]} outcomes
 */
export function openAccount(sandboxUrl, callbackUrl, link, outcomes) {
  const left = outcomes.filter((o) => o.outcome === "refused for the limit").map((o) => o.name);
  return [
    "",
    `The sandbox (${sandboxUrl}) and the backend (${callbackUrl}) keep running.`,
    'Open this link in a browser, sign in as "demo", and activate an environment',
    `the customer has not activated yet${left.length > 0 ? ` (${sanitizeForTerminal(left.join(", "))} was left out for the limit)` : ""}:`,
    `  ${link}`,
    "",
    "Stop with Ctrl+C.",
  ];
}
