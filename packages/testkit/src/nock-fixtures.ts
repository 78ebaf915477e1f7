// @pcx/testkit/nock: shared by the client's tests that answer its HTTP with nock.
// A subpath of its own: importing nock patches Node's http and fetch, which no
// other test should get by importing the kit.
import nock from "nock";
import { afterAll, afterEach, beforeAll } from "vitest";
import { integration, ORIGIN } from "./client-fixtures.js";

/**
 * Registers the hooks of tests whose HTTP only nock answers, in the enclosing
 * `describe` (or file): real connections are refused, but to `allowedHosts`;
 * each test's interceptors are dropped after it; the network is given back at the end.
 */
export function nockOnly(...allowedHosts: string[]): void {
  beforeAll(() => {
    nock.disableNetConnect();
    for (const host of allowedHosts) nock.enableNetConnect(host);
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());
}

/**
 * Answers `GET /api/integrations/{id}` `times` times with `integration(id)`, and
 * returns the Authorization header of each of those requests, in order.
 */
export function recordAuthorizations(id: number, times: number): string[] {
  const seen: string[] = [];
  nock(ORIGIN)
    .get(`/api/integrations/${id}`)
    .times(times)
    .reply(function () {
      seen.push(String(this.req.headers.authorization));
      return [200, integration(id)];
    });
  return seen;
}
