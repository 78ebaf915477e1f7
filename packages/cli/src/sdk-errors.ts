// The SDK's error helpers on their own, so that report-error.ts can import
// them lazily without pulling in the rest of the SDK (zod, yaml).
export { exitCodeFor, isPcxError } from "@pcx/sdk";
