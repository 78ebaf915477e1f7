// Replaced at build time by tsup (`define` in tsup.config.ts) with the version
// from package.json, so `pcx --version` reads no file.
declare const __PCX_VERSION__: string | undefined;

export const PCX_VERSION: string =
  typeof __PCX_VERSION__ === "string" ? __PCX_VERSION__ : "0.0.0-dev";
