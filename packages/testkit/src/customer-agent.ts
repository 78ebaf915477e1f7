// The demo customer's browser lives in @pcx/sandbox (the root demo drives
// the pages with it too); the test kit re-exports it for the tests.
export { type CustomerAgent, customerAgent, type PageAnswer } from "@pcx/sandbox";
