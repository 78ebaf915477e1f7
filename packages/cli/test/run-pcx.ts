import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";

/** CLI tests run the built bin, as users do (docs/contributing.md). */
export const BIN = fileURLToPath(new URL("../dist/pcx.js", import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(BIN)) {
    throw new Error(
      `No built CLI at ${BIN}. Build first: npx -y pnpm@10 --filter @pcx/sdk build && npx -y pnpm@10 --filter @pcx/cli build`,
    );
  }
}

export interface PcxRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as exactly one JSON document (JSON.parse fails on anything else). */
  json(): unknown;
}

/** Runs `node dist/pcx.js ...args` with pipes (so: no TTY, non-interactive). */
export function pcx(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeOptions?: string[] } = {},
): PcxRun {
  const result = spawnSync(process.execPath, [...(options.nodeOptions ?? []), BIN, ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    // No colour codes in assertions; no CI-dependent behaviour leaking in.
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", CI: "", ...options.env },
    timeout: 15_000,
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    json: () => JSON.parse(result.stdout),
  };
}

/** A temporary directory with the given files; `cleanup()` removes it. */
export function tempDir(files: Record<string, string> = {}): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "pcx-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * For test files whose tests each work in a fresh temporary directory: returns
 * `dirWith(files)`, which makes one; every directory it made is removed after
 * the test. Call it at the top of the file.
 */
export function tempDirPerTest(): (files?: Record<string, string>) => string {
  const made: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of made.splice(0)) cleanup();
  });
  return (files = {}) => {
    const temp = tempDir(files);
    made.push(temp.cleanup);
    return temp.dir;
  };
}

/** A valid definition (docs/definition.md), with overridable lines. */
export function definitionYaml(
  overrides: { description?: string; callbackUrl?: string; rights?: string } = {},
): string {
  return `name: Acme Invoice Sync
description: ${overrides.description ?? "Sends sales invoices from Acme Shop to Procountor."}
links:
  privacyPolicy: https://acme.example/privacy
  termsOfService: https://acme.example/terms
  support: https://acme.example/support
callbackUrl: ${overrides.callbackUrl ?? "https://acme.example/procountor/callback"}
billing: environment
maxConcurrentActivations: 20
technicalUser:
  username: acme-invoice-sync
  displayName: Acme Invoice Sync
  rights:
${
  overrides.rights ??
  `    - right: sales-invoices
      level: all
      purpose: Creates sales invoices from shop orders.
    - right: business-partners
      level: view
      purpose: Looks up customers before invoicing.`
}
`;
}

/**
 * The definition with business-partners raised from view to all (its purpose
 * reworded too): a new version that customers must accept as an update.
 */
export const RAISED_DEFINITION_YAML = definitionYaml({
  rights: `    - right: sales-invoices
      level: all
      purpose: Creates sales invoices from shop orders.
    - right: business-partners
      level: all
      purpose: Creates and updates customers before invoicing.`,
});
