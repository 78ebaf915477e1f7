export { EXIT, type ExitCode, exitCodeFor } from "./exit-code-for.js";
export { httpStatusFor } from "./http-status-for.js";
export {
  ERROR_CODES,
  isPcxError,
  PcxError,
  type PcxErrorCode,
  type PcxErrorOptions,
} from "./pcx-error.js";
