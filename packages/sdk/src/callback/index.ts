export {
  CALLBACK_FAILURE_PAGES,
  type CallbackFailure,
} from "./callback-failure.js";
export type {
  ActivationRequestContext,
  CallbackAnswer,
  CallbackErrorContext,
  CallbackHandler,
  CallbackHandlerOptions,
  CallbackLogger,
  CallbackResponse,
  DecidedContext,
  VerifiedState,
} from "./callback-options.js";
export { createCallbackHandler } from "./create-callback-handler.js";
