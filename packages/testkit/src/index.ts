// @pcx/testkit: what pcx's own tests share. Private to the workspace; tests
// import it as "@pcx/testkit" (vitest resolves it to these sources).
export { acme, acmeRights, acmeWire } from "./acme-fixture.js";
export {
  activationRequest,
  BASE,
  CREDENTIALS,
  caught,
  DEFINITION,
  integration,
  ORIGIN,
  page,
  SECRETS,
  TOKEN_REPLY,
  testClient,
} from "./client-fixtures.js";
export { type CustomerAgent, customerAgent, type PageAnswer } from "./customer-agent.js";
export {
  type DecisionSandbox,
  decisionSandbox,
  signTestState,
  TEST_STATE_SECRET,
  testSealer,
} from "./decision-fixtures.js";
export {
  type ExampleBackendOptions,
  type ExampleWorld,
  exampleBackendWorld,
  type RunningExampleBackend,
} from "./example-backend-world.js";
export {
  EXAMPLE_READY_LINE,
  type ExampleStart,
  startExampleCommand,
} from "./example-start-command.js";
export { fakeTime } from "./fake-time.js";
export {
  describePostgres,
  EXAMPLE_TEST_DATABASE_URL,
  testDatabaseUrl,
} from "./postgres-test-database.js";
export { UNSAFE_TERMINAL_TEXT } from "./unsafe-terminal-text.js";
