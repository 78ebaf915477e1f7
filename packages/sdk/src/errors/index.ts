export type {
  ApiAnswerDetails,
  GeneralDetails,
  InputDetails,
  InvalidResponseDetails,
  NetworkDetails,
  PcxErrorDetailsMap,
  RequestErrorDetails,
  TimeoutDetails,
} from "./error-details.js";
export { httpStatusFor } from "./http-status-for.js";
export {
  type AnyPcxError,
  ERROR_CODES,
  isPcxError,
  PcxError,
  type PcxErrorCode,
  type PcxErrorDetails,
  type PcxErrorOptions,
} from "./pcx-error.js";
