import { beforeAll, describe, expect, it } from "vitest";
import { tempDirPerTest } from "./pcx-harness.js";
import { assertBuilt, spawnPcx } from "./spawn-pcx.js";

beforeAll(assertBuilt);
const dirWith = tempDirPerTest();

// Preloads that make a package unresolvable, as if it were not installed:
// @pcx/sandbox is imported (ESM resolve hook), better-sqlite3 is required (CommonJS).
const HIDE_SANDBOX = {
  "hooks.mjs": `export async function resolve(specifier, context, next) {
  if (specifier === "@pcx/sandbox") {
    const error = new Error(\`Cannot find package '@pcx/sandbox' imported from \${context.parentURL}\`);
    error.code = "ERR_MODULE_NOT_FOUND";
    throw error;
  }
  return next(specifier, context);
}`,
  "register.mjs": `import { register } from "node:module";
register("./hooks.mjs", import.meta.url);`,
};
const HIDE_SQLITE = {
  "hide-sqlite.cjs": `const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "better-sqlite3") {
    const error = new Error("Cannot find module 'better-sqlite3'");
    error.code = "MODULE_NOT_FOUND";
    throw error;
  }
  return resolve.call(this, request, ...rest);
};`,
};

describe("pcx sandbox without its optional packages", () => {
  it("says exactly what to install when @pcx/sandbox is missing, exit 4", async () => {
    const dir = dirWith(HIDE_SANDBOX);
    const run = await spawnPcx(["sandbox", "--port", "0"], {
      env: { PCX_CONFIG_DIR: dir },
      nodeOptions: ["--import", `${dir}/register.mjs`],
    });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(
      "pcx sandbox needs the @pcx/sandbox package, which is not installed",
    );
    expect(run.stderr).toContain("npm install --save-dev @pcx/sandbox");
  });

  it("reports it as pcx_config in --json mode", async () => {
    const dir = dirWith(HIDE_SANDBOX);
    const json = await spawnPcx(["sandbox", "--port", "0", "--json"], {
      env: { PCX_CONFIG_DIR: dir },
      nodeOptions: ["--import", `${dir}/register.mjs`],
    });
    expect(json.code).toBe(4);
    expect(json.json()).toMatchObject({ error: { code: "pcx_config" } });
  });

  it("says exactly what to install when its SQLite driver is missing, exit 4", async () => {
    const dir = dirWith(HIDE_SQLITE);
    const run = await spawnPcx(["sandbox", "--port", "0"], {
      env: { PCX_CONFIG_DIR: dir },
      nodeOptions: ["--require", `${dir}/hide-sqlite.cjs`],
    });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain("better-sqlite3, which is not installed or did not build");
    expect(run.stderr).toContain("npm install --save-dev better-sqlite3@12");
  });
});
