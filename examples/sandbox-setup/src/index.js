// sandbox-setup: what the example backends' start scripts share. The
// backends themselves (examples/*/src/backend.js) import only
// "sandbox-setup/acme-handler" (Acme's callback handler and decision) and
// "sandbox-setup/running" (the running server's handle).
export {
  DEV_ONLY_DEFAULTS,
  readExampleConfig,
  SANDBOX_API_BASE_URL,
  SANDBOX_CREDENTIALS,
} from "./example-config.js";
export { prepareSandbox, signedActivationLink } from "./prepare-sandbox.js";
export { runExample } from "./run-example.js";

/**
 * @typedef {import("./backend-options.js").BackendOptions} BackendOptions
 * @typedef {import("./backend-options.js").RunningBackend} RunningBackend
 * @typedef {import("./example-config.js").ExampleConfig} ExampleConfig
 * @typedef {import("./prepare-sandbox.js").PreparedIntegration} PreparedIntegration
 */
