// The error helpers on their own, so that report-error.ts can import them
// lazily without pulling in the rest of the SDK (zod, yaml).
export { isPcxError } from "@pcx/sdk";
export { exitCodeFor } from "./exit-code-for.js";
