import { afterEach } from "vitest";

/** Anything a test opens and must close: a sandbox, a server, a client, a store. */
export interface Closable {
  close(): unknown;
}

/**
 * Registers an `afterEach` that closes, in parallel, everything the test
 * tracked, and returns `track`: it remembers an item and hands it back, so a
 * setup reads `const world = track(await decisionSandbox())`.
 */
export function closeAfterEach(): <T extends Closable>(item: T) => T {
  const open: Closable[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((item) => item.close()));
  });
  return (item) => {
    open.push(item);
    return item;
  };
}
