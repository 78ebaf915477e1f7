import type { RequestStatus } from "@pcx/sdk/contract";
import { withSession } from "../api/session.js";
import { defineCommand, type ExitCode } from "../command.js";
import { withProgress } from "../io/progress.js";
import { stateSigningKey } from "../profiles/state-secret.js";
import {
  type DecideResult,
  decideRequest,
  nothingApplied,
  refuseWithoutStore,
} from "../requests/decide-request.js";
import { renderDecision } from "../requests/render-decision.js";
import {
  type RequestView,
  requestDetails,
  requestsTable,
  requestView,
  stateView,
} from "../requests/request-view.js";

export type RequestsInput =
  | { action: "list"; status?: RequestStatus; integration?: number }
  | { action: "show"; id: number; integration?: number }
  | {
      action: "approve" | "reject";
      id: number;
      environments: number[];
      reason?: string;
      store?: string;
      showKeys: boolean;
      integration?: number;
    };

export type RequestsResult =
  | { kind: "list"; requests: RequestView[] }
  | { kind: "show"; request: RequestView }
  | { kind: "decide"; result: DecideResult };

/**
 * `pcx requests list|show|approve|reject`: activation requests, read and
 * decided through the SDK (decisions only through its decision module).
 */
export default defineCommand<RequestsInput, RequestsResult>({
  run(input, ctx) {
    if (input.action === "approve" || input.action === "reject") {
      refuseWithoutStore({ ...input, action: input.action }, ctx);
    }
    return withSession(ctx, async (session): Promise<RequestsResult> => {
      const { client } = session;
      const now = new Date();
      if (input.action === "list") {
        const ref = session.requireIntegration(input.integration);
        const requests = await withProgress(ctx, "Fetching activation requests", () =>
          client.activationRequests
            .list(ref.id, input.status ? { status: input.status } : {})
            .toArray(),
        );
        return { kind: "list", requests: requests.map((r) => requestView(r, now)) };
      }
      const request = await withProgress(ctx, `Fetching activation request ${input.id}`, () =>
        client.activationRequests.get(input.id),
      );
      if (input.action === "show") {
        const key = stateSigningKey(ctx, session.store, session.connection.profile, {
          create: false,
        });
        return {
          kind: "show",
          request: { ...requestView(request, now), state: await stateView(request, key) },
        };
      }
      const result = await withProgress(
        ctx,
        `${input.action === "approve" ? "Approving" : "Rejecting"} activation request ${input.id}`,
        () =>
          decideRequest(
            client,
            request,
            {
              action: input.action,
              environments: input.environments,
              showKeys: input.showKeys,
              ...(input.reason !== undefined ? { reason: input.reason } : {}),
              ...(input.store !== undefined ? { store: input.store } : {}),
            },
            ctx,
          ),
      );
      return { kind: "decide", result };
    });
  },
  render(data) {
    if (data.kind === "list") return requestsTable(data.requests);
    if (data.kind === "show") return requestDetails(data.request);
    return renderDecision(data.result);
  },
  toJson(data) {
    if (data.kind === "list") return { requests: data.requests };
    if (data.kind === "show") return data.request;
    return data.result;
  },
  exitCode(data): ExitCode {
    return data.kind === "decide" && nothingApplied(data.result) ? 1 : 0;
  },
});
