import { API_ERROR_CODES } from "@pcx/sdk/contract";
import type { z } from "zod";
import { DEMO_USER } from "../fixtures/demo-fixtures.js";
import { invalid, SandboxError } from "../sandbox-error.js";
import { advanceClockFrom, outboxOf } from "./admin-clock-outbox.js";
import {
  CreateCustomerBodySchema,
  EnvironmentsQuerySchema,
  IntrospectBodySchema,
  ReviewBodySchema,
  StartActivationBodySchema,
  StartUpdateBodySchema,
} from "./admin-schemas.js";
import { CANONICAL_ID_MESSAGE, canonicalId } from "./canonical-id.js";
import {
  errorResponse,
  jsonResponse,
  parseJsonBody,
  readBody,
  requireMediaType,
} from "./http-io.js";
import { crossOriginReason, requireLoopbackHost } from "./request-guards.js";
import type { RouteGroup, RouteRun } from "./route-group.js";
import type { RouteEntry } from "./router.js";
import type { SandboxRequestContext } from "./sandbox-handler.js";
import type { SandboxStats } from "./sandbox-stats.js";
import { issuesToErrors } from "./zod-issues.js";

export interface AdminGroupOptions {
  stats: SandboxStats;
  /** Answer any Host, not only loopback names (the sandbox listens beyond loopback: `--host`). */
  anyHost: boolean;
}

function parseWith<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw SandboxError.validation(issuesToErrors(result.error, data));
}

function id(text: string | undefined, field: string): number {
  const value = canonicalId(text);
  if (value === undefined) throw invalid(field, CANONICAL_ID_MESSAGE);
  return value;
}

/** The JSON body of an admin POST: Content-Type application/json even when empty (see docs/sandbox.md). */
async function jsonBody(context: SandboxRequestContext): Promise<unknown> {
  const raw = await readBody(context.request);
  requireMediaType(context.request, raw, "application/json", true);
  return parseJsonBody(raw);
}

type Run = (
  context: SandboxRequestContext,
  params: Record<string, string>,
) => unknown | Promise<unknown>;

function get(path: string, run: Run): RouteEntry<RouteRun> {
  return {
    method: "GET",
    path: `/sandbox${path}`,
    handler: async (context, params) => jsonResponse(200, await run(context, params)),
  };
}

function post(
  path: string,
  run: (context: SandboxRequestContext, params: Record<string, string>, body: unknown) => unknown,
  status = 200,
): RouteEntry<RouteRun> {
  return {
    method: "POST",
    path: `/sandbox${path}`,
    handler: async (context, params) =>
      jsonResponse(status, await run(context, params, await jsonBody(context))),
  };
}

/**
 * Sandbox-only routes under /sandbox (docs/sandbox.md "Admin routes"): the
 * reviewer, the simulated customer and a state dump. No auth, so they answer
 * only loopback Host names (unless the sandbox listens beyond loopback),
 * refuse requests a browser marks as cross-origin, and take JSON bodies only:
 * a web page can neither read them through DNS rebinding nor post to them
 * with a form. Never faulted by chaos; not part of the contract.
 */
export function createAdminGroup(options: AdminGroupOptions): RouteGroup {
  const routes: RouteEntry<RouteRun>[] = [
    get("/health", () => ({ ok: true })),
    get("/state", ({ engine }) => ({ ...engine.dumpState(), stats: options.stats })),
    get("/users", ({ engine }) => engine.listUsers()),
    post(
      "/customers",
      ({ engine }, _, body) => engine.createCustomer(parseWith(CreateCustomerBodySchema, body)),
      201,
    ),
    get("/users/{userId}/environments", ({ engine, url }, { userId }) => {
      const raw = Object.fromEntries(url.searchParams);
      if (raw.integrationId !== undefined) id(raw.integrationId, "integrationId");
      const query = parseWith(EnvironmentsQuerySchema, raw);
      const all = engine.describeEnvironments(id(userId, "userId"), query.integrationId);
      return query.selectable === "true" ? all.filter((env) => env.selectable) : all;
    }),
    get("/users/{userId}/overview", ({ engine }, { userId }) =>
      engine.customerOverview(id(userId, "userId")),
    ),
    get("/review-queue", ({ engine }) => engine.listInReview()),
    post("/integrations/{integrationId}/review", ({ engine }, { integrationId }, body) => {
      const input = parseWith(ReviewBodySchema, body);
      return engine.reviewIntegration(id(integrationId, "id"), input.decision, {
        ...(input.comment !== undefined ? { comment: input.comment } : {}),
        ...(input.version !== undefined ? { version: input.version } : {}),
      });
    }),
    post(
      "/activation-requests",
      ({ engine }, _, body) => {
        const input = parseWith(StartActivationBodySchema, body);
        return engine.startActivation({
          ...input,
          userId: input.userId ?? DEMO_USER.id,
          state: input.state ?? null,
        });
      },
      201,
    ),
    get("/activation-requests/{requestId}", ({ engine }, { requestId }) => {
      const requestIdNumber = id(requestId, "id");
      const request = engine.getRequest(requestIdNumber);
      return { request, callbackUrl: engine.callbackUrlFor(requestIdNumber) };
    }),
    post(
      "/update-requests",
      ({ engine }, _, body) => {
        const input = parseWith(StartUpdateBodySchema, body);
        return engine.startUpdate({
          userId: input.userId ?? DEMO_USER.id,
          integrationId: input.integrationId,
          ...(input.companyIds ? { companyIds: input.companyIds } : {}),
        });
      },
      201,
    ),
    post("/oauth/introspect", ({ engine }, _, body) =>
      engine.introspect(parseWith(IntrospectBodySchema, body).token),
    ),
    post("/expire", ({ engine }) => ({ expired: engine.expireDueRequests() })),
    get("/clock", ({ engine }) => engine.readClock()),
    post("/clock", ({ engine }, _, body) => advanceClockFrom(engine, body)),
    get("/outbox", (context) => outboxOf(context)),
  ];
  return {
    name: "admin",
    prefix: "/sandbox",
    routes,
    notFoundMessage: (method, path) => `No sandbox route ${method} ${path}; see docs/sandbox.md.`,
    answerError: (_context, error) => errorResponse(error),
    async around(context, next) {
      if (!options.anyHost) requireLoopbackHost(context.url);
      const crossOrigin = crossOriginReason(context.request, context.url);
      if (crossOrigin)
        throw new SandboxError(
          403,
          API_ERROR_CODES.FORBIDDEN,
          `The sandbox's admin routes refuse requests from web pages of other origins (${crossOrigin}).`,
          "Origin",
        );
      return next();
    },
  };
}
