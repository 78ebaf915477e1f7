#!/usr/bin/env node
// Installs pcx the way a user does, from packed tarballs, and checks that it works without a
// compiler. Run after a build: `npx -y pnpm@10 run build && node scripts/check-install.mjs`.
// Needs the npm registry (the packages' own dependencies); takes about a minute.
//
// 1. `pnpm pack` of every published package; each tarball holds package.json, README.md,
//    LICENSE and dist/ only (the SDK also its exported JSON schema).
// 2. In a clean temporary project whose PATH starts with compilers that fail and leave a mark
//    (cc, gcc, c++, g++, make, python, python3): `npm install` of the CLI's tarballs with
//    install scripts on. No compiler ran, better-sqlite3 and pg are not installed, and
//    `pcx --help` exits 0. `pcx sandbox` exits 4 naming `npm install --save-dev @pcx/sandbox`.
// 3. Then the sandbox's tarball too: `pcx sandbox` starts, or (when no prebuilt SQLite binary
//    can be had and the failing compilers stop the build) exits 4 naming the npm command.
//
// Exit 0 when every check holds; otherwise 1, with one line per failed check.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PACKAGES = ["sdk", "store-sql", "sandbox", "cli"];
/** Besides package.json, README.md, LICENSE and dist/: what a package publishes on purpose. */
const ALSO_PUBLISHED = { sdk: [/^schema\/integration-definition\.schema\.json$/] };
const COMPILERS = ["cc", "gcc", "c++", "g++", "make", "python", "python3"];
const keep = process.argv.includes("--keep");

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  if (result.error) throw result.error;
  return result;
}

const work = mkdtempSync(join(tmpdir(), "pcx-install-"));
const packs = join(work, "packs");
const project = join(work, "project");
const shims = join(work, "failing-compilers");
const marks = join(work, "compiler-ran.log");
mkdirSync(packs);
mkdirSync(project);
mkdirSync(shims);

try {
  // 1. Pack, and look inside.
  const tarballs = {};
  for (const name of PACKAGES) {
    const packed = run("npx", ["-y", "pnpm@10", "pack", "--pack-destination", packs], {
      cwd: join(ROOT, "packages", name),
    });
    if (packed.status !== 0) throw new Error(`pnpm pack in packages/${name}: ${packed.stderr}`);
    const file = packed.stdout.trim().split("\n").pop();
    tarballs[name] = file;
    const files = run("tar", ["tzf", file])
      .stdout.trim()
      .split("\n")
      .map((entry) => entry.replace(/^package\//, ""));
    const extra = files.filter(
      (f) =>
        !["package.json", "README.md", "LICENSE"].includes(f) &&
        !f.startsWith("dist/") &&
        !(ALSO_PUBLISHED[name] ?? []).some((pattern) => pattern.test(f)),
    );
    check(
      extra.length === 0,
      `@pcx/${name}: publishes nothing but README, LICENSE and dist${extra.length ? ` (also ${extra.join(", ")})` : ""}`,
    );
    for (const must of ["README.md", "LICENSE"])
      check(files.includes(must), `@pcx/${name}: the tarball has ${must}`);
    check(
      files.some((f) => f.startsWith("dist/")),
      `@pcx/${name}: the tarball has dist/`,
    );
  }

  // 2. The CLI alone, with compilers that fail and leave a mark.
  for (const tool of COMPILERS) {
    const shim = join(shims, tool);
    writeFileSync(shim, `#!/bin/sh\necho "${tool} $*" >> "${marks}"\nexit 1\n`);
    chmodSync(shim, 0o755);
  }
  const env = {
    ...process.env,
    PATH: `${shims}${delimiter}${process.env.PATH}`,
    npm_config_ignore_scripts: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    npm_config_update_notifier: "false",
  };
  for (const key of Object.keys(env)) if (key.startsWith("PCX_")) delete env[key];
  env.PCX_CONFIG_DIR = join(work, "config");
  writeFileSync(
    join(project, "package.json"),
    '{ "name": "pcx-install-check", "private": true }\n',
  );
  const npmInstall = (files) =>
    run("npm", ["install", "--no-save", "--ignore-scripts=false", ...files], { cwd: project, env });
  const cli = npmInstall([tarballs.sdk, tarballs["store-sql"], tarballs.cli]);
  check(
    cli.status === 0,
    `npm install of @pcx/cli's tarballs exits 0${cli.status ? `: ${cli.stderr.slice(-800)}` : ""}`,
  );
  check(!existsSync(marks), "no compiler ran while installing the CLI");
  for (const native of ["better-sqlite3", "pg"])
    check(
      !existsSync(join(project, "node_modules", native)),
      `${native} is not installed with the CLI`,
    );
  check(
    !existsSync(join(project, "node_modules", "@pcx", "sandbox")),
    "@pcx/sandbox is not installed with the CLI",
  );

  const pcx = join(project, "node_modules", ".bin", "pcx");
  const help = run(pcx, ["--help"], { cwd: project, env });
  check(
    help.status === 0 && help.stdout.includes("Usage"),
    `pcx --help exits 0 with the usage (exit ${help.status})`,
  );
  const missing = run(pcx, ["sandbox", "--port", "0"], { cwd: project, env });
  check(
    missing.status === 4 && missing.stderr.includes("npm install --save-dev @pcx/sandbox"),
    `pcx sandbox without @pcx/sandbox exits 4 and names "npm install --save-dev @pcx/sandbox" (exit ${missing.status}: ${missing.stderr.trim().split("\n")[0]})`,
  );

  // 3. With the sandbox: it runs, or says exactly what to install.
  const withSandbox = npmInstall([
    tarballs.sdk,
    tarballs["store-sql"],
    tarballs.cli,
    tarballs.sandbox,
  ]);
  check(
    withSandbox.status === 0,
    `npm install with @pcx/sandbox exits 0${withSandbox.status ? `: ${withSandbox.stderr.slice(-800)}` : ""}`,
  );
  const sqlite = existsSync(
    join(project, "node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node"),
  );
  console.log(
    `     (better-sqlite3 ${sqlite ? "installed from a prebuilt binary" : "not installed: no prebuilt binary reached, and the failing compilers stopped the build"})`,
  );
  const outcome = await new Promise((resolve) => {
    const child = spawn(pcx, ["sandbox", "--port", "0"], { cwd: project, env });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGTERM"), 20_000);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.includes("Procountor sandbox ready at")) child.kill("SIGINT");
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  const ran = outcome.stdout.includes("Procountor sandbox ready at");
  const told =
    outcome.code === 4 && outcome.stderr.includes("npm install --save-dev better-sqlite3@12");
  check(
    ran || told,
    `pcx sandbox ${ran ? "runs (ready, then stopped)" : told ? 'exits 4 naming "npm install --save-dev better-sqlite3@12"' : `neither runs nor says what to install (exit ${outcome.code}: ${outcome.stderr.trim()})`}`,
  );
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.log(`\n${failures.length} check(s) failed.`);
  process.exit(1);
}
console.log("\nEvery check holds.");
