import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

/** The part of esbuild's API this test uses (esbuild itself is not a direct dependency). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    outputFiles: { text: string }[];
    metafile: { inputs: Record<string, unknown> };
  }>;
}

// esbuild comes with tsup (the SDK's bundler); resolve it from there.
const esbuild = createRequire(createRequire(import.meta.url).resolve("tsup"))("esbuild") as Esbuild;

const ENTRY = fileURLToPath(new URL("./index.ts", import.meta.url));

/** The links module bundled for a runtime that is not Node: no Node built-ins resolve. */
async function bundle(): Promise<{ code: string; inputs: string[] }> {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "neutral",
    format: "iife",
    globalName: "pcxLinks",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return {
    code: result.outputFiles[0]?.text ?? "",
    inputs: Object.keys(result.metafile.inputs),
  };
}

/** A context with WebCrypto, TextEncoder/TextDecoder and atob/btoa only: no process, Buffer or require. */
function webContext(): vm.Context {
  return vm.createContext({
    crypto: globalThis.crypto,
    TextEncoder,
    TextDecoder,
    atob,
    btoa,
  });
}

describe("the links module on a Web-only runtime", () => {
  it("bundles without any node: import and without zod", async () => {
    const { code, inputs } = await bundle();
    expect(code.length).toBeGreaterThan(1000);
    expect(code).not.toMatch(/["']node:/);
    expect(code).not.toMatch(/\brequire\(/);
    expect(
      inputs.filter((input) => input.startsWith("node:") || /node_modules/.test(input)),
    ).toEqual([]);
  });

  it("signs and verifies in a vm context that has only WebCrypto, TextEncoder/TextDecoder and atob/btoa", async () => {
    const { code } = await bundle();
    const context = webContext();
    vm.runInContext(code, context);
    const run = vm.runInContext(
      `(async () => {
        const secret = "state-secret-0123456789abcdef-0123456789";
        const globals = [typeof process, typeof Buffer, typeof require];
        const token = await pcxLinks.signState({ ref: "cust-42" }, { secret, keyId: "k1", integrationId: 7 });
        const ok = await pcxLinks.verifyState(token, { secrets: { k1: secret }, integrationId: 7 });
        const other = await pcxLinks.verifyState(token, { secrets: { k1: secret }, integrationId: 8 });
        const forged = await pcxLinks.verifyState(token.slice(0, -2) + "AA", { secrets: { k1: secret }, integrationId: 7 });
        let misconfigured;
        try {
          await pcxLinks.signState({ ref: "a" }, { secret: "", keyId: "k1", integrationId: 7 });
        } catch (error) {
          misconfigured = error.code;
        }
        return JSON.stringify({ globals, token, ok, other, forged, misconfigured });
      })()`,
      context,
    ) as Promise<string>;
    const result = JSON.parse(await run);
    expect(result.globals).toEqual(["undefined", "undefined", "undefined"]);
    expect(result.token).toMatch(/^v2\.k1\./);
    expect(result.ok).toMatchObject({ ok: true, payload: { ref: "cust-42" }, integrationId: 7 });
    expect(result.other).toMatchObject({ ok: false, reason: "wrong_integration" });
    expect(result.forged).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(result.misconfigured).toBe("pcx_config");
  });

  it("signs in the Web context and verifies in Node, and back", async () => {
    const { verifyState, signState } = await import("./index.js");
    const { code } = await bundle();
    const context = webContext();
    vm.runInContext(code, context);
    const secret = "state-secret-0123456789abcdef-0123456789";
    context.secret = secret;
    context.fromNode = await signState({ ref: "n" }, { secret, keyId: "k1", integrationId: 3 });
    const fromWeb = await (vm.runInContext(
      `pcxLinks.signState({ ref: "w" }, { secret, keyId: "k1", integrationId: 3 })`,
      context,
    ) as Promise<string>);
    expect(await verifyState(fromWeb, { secrets: { k1: secret }, integrationId: 3 })).toMatchObject(
      {
        ok: true,
        payload: { ref: "w" },
      },
    );
    const back = await (vm.runInContext(
      `pcxLinks.verifyState(fromNode, { secrets: { k1: secret }, integrationId: 3 }).then(JSON.stringify)`,
      context,
    ) as Promise<string>);
    expect(JSON.parse(back)).toMatchObject({ ok: true, payload: { ref: "n" } });
  });
});
