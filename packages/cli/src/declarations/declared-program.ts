import { Writable } from "node:stream";
import { createRootCommand, type Program } from "./create-program.js";
import { DECLARATIONS } from "./index.js";
import type { Invoke } from "./invoker.js";

/**
 * The whole command tree as the declarations build it, without running
 * anything: its actions are never invoked and its output goes nowhere. The
 * docs generator walks it to write the CLI reference (docs/cli-reference.md),
 * so the reference is the commands' own flags, arguments and help text.
 */
export function declaredProgram(): Program {
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const program = createRootCommand({ stdout: discard });
  const invoke: Invoke = () => Promise.reject(new Error("declaredProgram() does not run commands"));
  for (const declare of DECLARATIONS) declare(program, invoke);
  return program;
}
