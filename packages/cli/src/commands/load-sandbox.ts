import { PcxError } from "@pcx/sdk";

type SandboxModule = typeof import("@pcx/sandbox");

/** How to get the sandbox: it is an optional peer of the CLI, so `npm install @pcx/cli` compiles nothing. */
export const INSTALL_SANDBOX = "npm install --save-dev @pcx/sandbox";

function missing(error: unknown, name: string): boolean {
  const e = error as NodeJS.ErrnoException | undefined;
  return (
    (e?.code === "ERR_MODULE_NOT_FOUND" || e?.code === "MODULE_NOT_FOUND") &&
    typeof e.message === "string" &&
    e.message.includes(`'${name}'`)
  );
}

/**
 * Loads @pcx/sandbox, which only `pcx sandbox` needs. When it is not
 * installed: exit 4 (missing configuration) with the command that installs it.
 */
export async function loadSandbox(
  load: () => Promise<SandboxModule> = () => import("@pcx/sandbox"),
): Promise<SandboxModule> {
  try {
    return await load();
  } catch (error) {
    if (!missing(error, "@pcx/sandbox")) throw error;
    throw new PcxError(
      "pcx_config",
      "pcx sandbox needs the @pcx/sandbox package, which is not installed (it is an optional peer of @pcx/cli, so installing the CLI alone compiles nothing).",
      {
        hint: `Install it next to the CLI: ${INSTALL_SANDBOX} (with a global pcx: npm install --global @pcx/sandbox).`,
      },
    );
  }
}

/**
 * The sandbox's error when its SQLite driver (better-sqlite3, compiled or
 * prebuilt per platform) is missing, as exit 4 with the command that installs it.
 */
export function sqliteMissing(error: unknown): PcxError | undefined {
  if ((error as { code?: unknown } | undefined)?.code !== "ERR_PCX_SANDBOX_SQLITE_MISSING")
    return undefined;
  return new PcxError(
    "pcx_config",
    "pcx sandbox keeps its state in SQLite through better-sqlite3, which is not installed or did not build on this machine.",
    {
      hint: "Install it: npm install --save-dev better-sqlite3@12 (it downloads a prebuilt binary, or compiles with a C++ toolchain where there is none; version 12 is the one that runs on Node 20).",
    },
  );
}
