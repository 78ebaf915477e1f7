// @pcx/testkit: what pcx's own tests share. Private to the workspace; tests
// import it as "@pcx/testkit" (vitest resolves it to these sources).
export { acme, acmeRights, acmeWire } from "./acme-fixture.js";
export { captureStream } from "./capture-stream.js";
export { CLEAN_PCX_ENV, type CliWorld, createCliWorld, type WorldRunOptions } from "./cli-world.js";
export * from "./client-fixtures.js";
export { type Closable, closeAfterEach } from "./close-after-each.js";
export { type CustomerAgent, customerAgent, type PageAnswer } from "./customer-agent.js";
export {
  type DecisionSandbox,
  decisionSandbox,
  signTestState,
  TEST_STATE_SECRET,
  testSealer,
} from "./decision-fixtures.js";
export { storeDyingBeforeOutcome } from "./dying-store.js";
export {
  checkExactlyOnce,
  type ExactlyOnceInput,
  type ExactlyOnceReport,
  type ExpectedDecision,
} from "./exactly-once.js";
export {
  EXAMPLE_READY_LINE,
  type ExampleStart,
  startExampleCommand,
} from "./example-start-command.js";
export { type FakeTime, fakeTime } from "./fake-time.js";
export { englishWordsIn, hasClauseSemicolon, placeholderIn } from "./finnish-text.js";
// The sandbox fixtures (inProcessSandbox, startTestSandbox) are "@pcx/testkit/sandbox":
// they load the whole sandbox, which tests that do not use it should not pay for.
export {
  type EchoEncoding,
  type HostileBehaviour,
  type HostileCall,
  type HostileKind,
  type HostileServer,
  startHostileServer,
} from "./hostile-server.js";
export { leakedFragments, secretRuns } from "./leaked-fragments.js";
export {
  approvedAcmeIntegration,
  loadTestDecision,
  startAsNewCustomer,
  startSignedCustomers,
} from "./load-fixtures.js";
export { type LocalServer, readBody, startLocalServer } from "./local-server.js";
export {
  describePostgres,
  EXAMPLE_TEST_DATABASE_URL,
  testDatabaseUrl,
} from "./postgres-test-database.js";
export {
  type CliEntry,
  type CliRun,
  type CliRuntime,
  type RunCliOptions,
  runCli,
  tempDir,
} from "./run-cli.js";
export { UNSAFE_TERMINAL_TEXT } from "./unsafe-terminal-text.js";
