import { describe, expect, it } from "vitest";
import {
  createHandoffs,
  handoffTabOf,
  isHandoffToken,
  newHandoffToken,
  statusPathAfterConfirm,
} from "./handoff.js";

const MAIJA = 1;
const MATTI = 2;

describe("hand-off tokens", () => {
  it("are 22 url-safe characters, fresh each time", () => {
    const a = newHandoffToken();
    expect(isHandoffToken(a)).toBe(true);
    expect(newHandoffToken()).not.toBe(a);
    for (const bad of ["", "short", `${a}x`, `${"a".repeat(21)}/`, 5, null])
      expect(isHandoffToken(bad)).toBe(false);
  });

  it("answer at once when the post came first", async () => {
    const handoffs = createHandoffs();
    const token = newHandoffToken();
    handoffs.resolve(token, MAIJA, 42);
    await expect(handoffs.waitFor(token, MAIJA, 1)).resolves.toBe(42);
  });

  it("wake the waiting tab when the post comes, and tell it at once when the post was refused", async () => {
    const handoffs = createHandoffs();
    const ok = newHandoffToken();
    const waiting = handoffs.waitFor(ok, MAIJA, 60_000);
    handoffs.resolve(ok, MAIJA, 7);
    await expect(waiting).resolves.toBe(7);
    const refused = newHandoffToken();
    const waitingToo = handoffs.waitFor(refused, MAIJA, 60_000);
    handoffs.fail(refused, MAIJA);
    await expect(waitingToo).resolves.toBeUndefined();
  });

  it("never give another user's request, and give up after the wait", async () => {
    const handoffs = createHandoffs();
    const token = newHandoffToken();
    handoffs.resolve(token, MAIJA, 9);
    await expect(handoffs.waitFor(token, MATTI, 1)).resolves.toBeUndefined();
    handoffs.resolve(token, MATTI, 10); // Matti cannot take Maija's token over
    await expect(handoffs.waitFor(token, MAIJA, 1)).resolves.toBe(9);
    await expect(handoffs.waitFor(newHandoffToken(), MAIJA, 5)).resolves.toBeUndefined();
    await expect(handoffs.waitFor("not a token", MAIJA, 60_000)).resolves.toBeUndefined();
  });

  it("keep at most a thousand tokens, and forget old ones", async () => {
    let now = 0;
    const handoffs = createHandoffs({ now: () => now });
    for (let i = 0; i < 1500; i++) handoffs.resolve(newHandoffToken(), MAIJA, i);
    expect(handoffs.size()).toBeLessThanOrEqual(1000);
    const old = newHandoffToken();
    handoffs.resolve(old, MAIJA, 1);
    now += 16 * 60_000;
    handoffs.resolve(newHandoffToken(), MAIJA, 2);
    expect(handoffs.size()).toBe(1);
    await expect(handoffs.waitFor(old, MAIJA, 1)).resolves.toBeUndefined();
  });

  it("read the tab the script reported, and put it on the status page's address", () => {
    expect(handoffTabOf(new URLSearchParams("tab=opened"))).toBe("opened");
    expect(handoffTabOf(new URLSearchParams("tab=blocked"))).toBe("blocked");
    expect(handoffTabOf(new URLSearchParams("tab=<x>"))).toBe("none");
    expect(handoffTabOf(new URLSearchParams(""))).toBe("none");
    expect(statusPathAfterConfirm(5, "opened")).toBe("/requests/5?tab=opened");
    expect(statusPathAfterConfirm(5, "none")).toBe("/requests/5");
  });
});
