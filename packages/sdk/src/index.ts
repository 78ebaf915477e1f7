// @pcx/sdk public surface, grouped by concept. Internals stay internal.

// errors
export {
  ERROR_CODES,
  EXIT,
  type ExitCode,
  exitCodeFor,
  httpStatusFor,
  isPcxError,
  PcxError,
  type PcxErrorCode,
  type PcxErrorOptions,
} from "./errors/index.js";
