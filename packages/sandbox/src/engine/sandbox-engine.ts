import type { Store } from "../store/open-store.js";
import type { SandboxEmail } from "../store/outbox-repo.js";
import { type CustomerOperations, customerOperations } from "./customer-operations.js";
import type { EngineContext, SandboxEvent } from "./engine-context.js";
import type { EngineRun } from "./engine-run.js";
import { type IntegratorOperations, integratorOperations } from "./integrator-operations.js";
import { expireDueRequests } from "./request-status.js";
import { type ReviewerOperations, reviewerOperations } from "./reviewer-operations.js";
import { type ClockReading, createSandboxClock, type SandboxClock } from "./sandbox-clock.js";
import { type SandboxOperations, sandboxOperations } from "./sandbox-operations.js";
import { listOutbox } from "./status-email.js";

export type { CustomerIntegration } from "./customer-operations.js";

export interface SandboxEngineOptions {
  store: Store;
  /** The base clock; `advanceClock` moves the engine's time ahead of it. Default: real time. */
  now?: () => Date;
  /** Pending activation requests expire after this long. Default: 15 minutes. */
  requestTtlMs?: number;
  /** Access tokens live this long. Default: 3600 s. */
  tokenTtlSeconds?: number;
  /** The server's public URL, used for activation links. Default: http://127.0.0.1:4010. */
  publicUrl?: () => string;
}

// The operations of each actor live in their own module and are assigned in
// the constructor; this interface gives the class their types.
export interface SandboxEngine
  extends IntegratorOperations,
    ReviewerOperations,
    CustomerOperations,
    SandboxOperations {}

/**
 * The Procountor side of the flow as a plain in-process service: no HTTP.
 * The API and admin routes call it, and so do the customer's pages. Its
 * operations come by actor: the integrator's (integrator-operations.ts,
 * scoped to an API client), the reviewer's (reviewer-operations.ts), the
 * customer's (customer-operations.ts), and tokens and housekeeping
 * (sandbox-operations.ts). Every operation is synchronous and runs in one
 * SQLite transaction (pending requests past their expiry are expired first),
 * so on Node's single thread each call is atomic. Domain errors are
 * `SandboxError`s with an HTTP status, a code and a message fit to show.
 */
export class SandboxEngine {
  readonly #ctx: EngineContext;
  readonly #clock: SandboxClock;
  readonly #listeners = new Set<(event: SandboxEvent) => void>();
  #pending: SandboxEvent[] = [];
  #depth = 0;

  constructor(options: SandboxEngineOptions) {
    this.#clock = createSandboxClock(options.now ?? (() => new Date()));
    this.#ctx = {
      store: options.store,
      now: this.#clock.now,
      requestTtlMs: options.requestTtlMs ?? 15 * 60_000,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
      publicUrl: options.publicUrl ?? (() => "http://127.0.0.1:4010"),
      emit: (event) => this.#pending.push(event),
    };
    const run: EngineRun = (operation, runOptions) =>
      this.#run(() => operation(this.#ctx), runOptions?.sweep ?? true);
    Object.assign(
      this,
      integratorOperations(run),
      reviewerOperations(run),
      customerOperations(run),
      sandboxOperations(run),
    );
  }

  /** Runs `fn` atomically; events are delivered after the commit, dropped on rollback. */
  transaction<T>(fn: () => T): T {
    return this.#run(fn, true);
  }

  #run<T>(fn: () => T, sweep: boolean): T {
    this.#depth++;
    let result: T;
    try {
      result = this.#ctx.store.transaction(() => {
        if (this.#depth === 1 && sweep) expireDueRequests(this.#ctx);
        return fn();
      });
    } catch (error) {
      if (this.#depth === 1) this.#pending = [];
      throw error;
    } finally {
      this.#depth--;
    }
    if (this.#depth === 0) this.#flush();
    return result;
  }

  #flush(): void {
    const events = this.#pending;
    this.#pending = [];
    for (const event of events) for (const listener of this.#listeners) listener(event);
  }

  /** Subscribes to changes (after commit); returns the unsubscribe function. */
  onChange(listener: (event: SandboxEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The engine's clock (the injected `now` plus what `advanceClock` added). */
  now(): Date {
    return this.#ctx.now();
  }

  /**
   * Moves the sandbox's clock forward by `ms` and expires what is due, so
   * tests can make requests time out and tokens age without waiting.
   * 400 INVALID for a negative, fractional or over-a-year step.
   */
  advanceClock(ms: number): ClockReading & { expired: number[] } {
    return this.transaction(() => {
      const reading = this.#clock.advance(ms);
      return { ...reading, expired: expireDueRequests(this.#ctx) };
    });
  }
  /** Where the sandbox's clock stands. */
  readClock(): ClockReading {
    return this.#clock.read();
  }
  /** The status e-mails "sent" (newest first): everyone's, one user's or one request's. */
  listOutbox(filter: { userId?: number; requestId?: number; limit?: number } = {}): SandboxEmail[] {
    return this.transaction(() => listOutbox(this.#ctx, filter));
  }
}
