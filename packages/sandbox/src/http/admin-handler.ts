import type { z } from "zod";
import { DEMO_USER } from "../fixtures/demo-fixtures.js";
import { invalid, SandboxError } from "../sandbox-error.js";
import {
  CreateCustomerBodySchema,
  EnvironmentsQuerySchema,
  IntrospectBodySchema,
  ReviewBodySchema,
  StartActivationBodySchema,
  StartUpdateBodySchema,
} from "./admin-schemas.js";
import {
  errorBody,
  parseJsonBody,
  readBody,
  sendError,
  sendJson,
  toSandboxError,
} from "./http-io.js";
import type { SandboxHandler, SandboxRequestContext } from "./sandbox-handler.js";
import type { SandboxStats } from "./sandbox-stats.js";
import { issuesToErrors } from "./zod-issues.js";

type AdminRoute = {
  method: "GET" | "POST";
  pattern: RegExp;
  run(
    context: SandboxRequestContext,
    groups: string[],
    body: () => Promise<unknown>,
  ): unknown | Promise<unknown>;
  status?: number;
};

function parseWith<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw SandboxError.validation(issuesToErrors(result.error, data));
}

const id = (value: string | undefined, field: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw invalid(field, "must be a positive whole number");
  return n;
};

/**
 * Sandbox-only routes under /sandbox (docs/sandbox.md "Admin routes"): the
 * reviewer, the simulated customer and a state dump. No auth (the sandbox
 * listens on loopback); never faulted by chaos; not part of the contract.
 */
function adminRoutes(stats: SandboxStats): AdminRoute[] {
  return [
    { method: "GET", pattern: /^\/sandbox\/health$/, run: () => ({ ok: true }) },
    {
      method: "GET",
      pattern: /^\/sandbox\/state$/,
      run: ({ engine }) => ({ ...engine.dumpState(), stats }),
    },
    { method: "GET", pattern: /^\/sandbox\/users$/, run: ({ engine }) => engine.listUsers() },
    {
      method: "POST",
      pattern: /^\/sandbox\/customers$/,
      status: 201,
      run: async ({ engine }, _, body) =>
        engine.createCustomer(parseWith(CreateCustomerBodySchema, await body())),
    },
    {
      method: "GET",
      pattern: /^\/sandbox\/users\/([^/]+)\/environments$/,
      run: ({ engine, url }, [userId]) => {
        const query = parseWith(EnvironmentsQuerySchema, Object.fromEntries(url.searchParams));
        const all = engine.describeEnvironments(id(userId, "userId"), query.integrationId);
        return query.selectable === "true" ? all.filter((env) => env.selectable) : all;
      },
    },
    {
      method: "GET",
      pattern: /^\/sandbox\/users\/([^/]+)\/overview$/,
      run: ({ engine }, [userId]) => engine.customerOverview(id(userId, "userId")),
    },
    {
      method: "GET",
      pattern: /^\/sandbox\/review-queue$/,
      run: ({ engine }) => engine.listInReview(),
    },
    {
      method: "POST",
      pattern: /^\/sandbox\/integrations\/([^/]+)\/review$/,
      run: async ({ engine }, [integrationId], body) => {
        const input = parseWith(ReviewBodySchema, await body());
        return engine.reviewIntegration(id(integrationId, "id"), input.decision, {
          ...(input.comment !== undefined ? { comment: input.comment } : {}),
          ...(input.version !== undefined ? { version: input.version } : {}),
        });
      },
    },
    {
      method: "POST",
      pattern: /^\/sandbox\/activation-requests$/,
      status: 201,
      run: async ({ engine }, _, body) => {
        const input = parseWith(StartActivationBodySchema, await body());
        return engine.startActivation({
          ...input,
          userId: input.userId ?? DEMO_USER.id,
          state: input.state ?? null,
        });
      },
    },
    {
      method: "GET",
      pattern: /^\/sandbox\/activation-requests\/([^/]+)$/,
      run: ({ engine }, [requestId]) => {
        const requestIdNumber = id(requestId, "id");
        const request = engine.getRequest(requestIdNumber);
        return { request, callbackUrl: engine.callbackUrlFor(requestIdNumber) };
      },
    },
    {
      method: "POST",
      pattern: /^\/sandbox\/update-requests$/,
      status: 201,
      run: async ({ engine }, _, body) => {
        const input = parseWith(StartUpdateBodySchema, await body());
        return engine.startUpdate({
          userId: input.userId ?? DEMO_USER.id,
          integrationId: input.integrationId,
          ...(input.companyIds ? { companyIds: input.companyIds } : {}),
        });
      },
    },
    {
      method: "POST",
      pattern: /^\/sandbox\/oauth\/introspect$/,
      run: async ({ engine }, _, body) =>
        engine.introspect(parseWith(IntrospectBodySchema, await body()).token),
    },
    {
      method: "POST",
      pattern: /^\/sandbox\/expire$/,
      run: ({ engine }) => ({ expired: engine.expireDueRequests() }),
    },
  ];
}

export function createAdminHandler(options: { stats: SandboxStats }): SandboxHandler {
  const routes = adminRoutes(options.stats);
  return {
    name: "admin",
    prefix: "/sandbox",
    async handle(context) {
      const { res, url, method } = context;
      try {
        const candidates = routes.filter((r) => r.pattern.test(url.pathname));
        const route = candidates.find((r) => r.method === method);
        if (!route) {
          if (candidates.length > 0) {
            sendJson(
              res,
              405,
              errorBody([
                {
                  field: null,
                  message: `${method} is not allowed on ${url.pathname}.`,
                  code: "METHOD_NOT_ALLOWED",
                },
              ]),
              { allow: candidates.map((r) => r.method).join(", ") },
            );
            return;
          }
          throw new SandboxError(
            404,
            "NOT_FOUND",
            `No sandbox route ${method} ${url.pathname}; see docs/sandbox.md.`,
          );
        }
        const groups = (route.pattern.exec(url.pathname) ?? []).slice(1);
        const answer = await route.run(context, groups, async () =>
          parseJsonBody(await readBody(context.req)),
        );
        sendJson(res, route.status ?? 200, answer);
      } catch (caught) {
        sendError(res, toSandboxError(caught));
      }
    },
  };
}
