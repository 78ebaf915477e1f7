import type { Program } from "./create-program.js";
import { declareActivations } from "./declare-activations.js";
import { declareCompletion } from "./declare-completion.js";
import { declareDefine } from "./declare-define.js";
import { declareDiff } from "./declare-diff.js";
import { declareHelp } from "./declare-help.js";
import { declareInit } from "./declare-init.js";
import { declareLimits } from "./declare-limits.js";
import { declareLink } from "./declare-link.js";
import { declareLogin } from "./declare-login.js";
import { declareLogout } from "./declare-logout.js";
import { declareProfiles } from "./declare-profiles.js";
import { declareRequests } from "./declare-requests.js";
import { declareSandbox } from "./declare-sandbox.js";
import { declareStatus } from "./declare-status.js";
import { declareStore } from "./declare-store.js";
import { declareValidate } from "./declare-validate.js";
import { declareWorker } from "./declare-worker.js";
import type { Invoke } from "./invoker.js";

/**
 * Every command of pcx, in the order `pcx --help` lists them. A declaration
 * module only declares (flags, help text) and turns the parsed flags into
 * the command's input; the command itself, `src/commands/<name>.ts`, is
 * imported only when it runs. To add a command: write the command module,
 * write `declare-<name>.ts` beside these (copy declare-status.ts), and add it
 * here. Declarations import only types from command modules.
 */
export const DECLARATIONS: readonly ((program: Program, invoke: Invoke) => void)[] = [
  declareInit,
  declareValidate,
  declareDiff,
  declareDefine,
  declareStatus,
  declareLimits,
  declareLink,
  declareRequests,
  declareActivations,
  declareWorker,
  declareStore,
  declareSandbox,
  declareLogin,
  declareLogout,
  declareProfiles,
  declareCompletion,
  declareHelp,
];
