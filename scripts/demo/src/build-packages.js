// The demo's build: only the JavaScript of the packages it runs (the SDK, the
// sandbox, the SQL stores), with each package's own tsup config. No type
// declarations, for speed: `npx -y pnpm@10 build` builds everything.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** The packages the demo imports at run time, built in this order. */
export const DEMO_PACKAGES = ["sdk", "sandbox", "store-sql"];

/** @param {string} dir */
function tsup(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(`${root}node_modules/.bin/tsup`, ["--no-dts", "--no-clean", "--silent"], {
      cwd: `${root}packages/${dir}`,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    child.stderr.on("data", (chunk) => {
      errors += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(undefined)
        : reject(new Error(`Building packages/${dir} failed (tsup exited ${code}):\n${errors}`)),
    );
  });
}

/** Builds the demo's packages (about a second each); rejects with tsup's errors. */
export async function buildDemoPackages() {
  // The sandbox and the stores import the SDK's built files only at run time,
  // so the three builds can run side by side.
  await Promise.all(DEMO_PACKAGES.map(tsup));
}
