import type {
  ActivationRequest,
  ApproveResult,
  Page,
  RejectResult,
  RequestStatus,
} from "../contract/index.js";
import { callInput } from "./call-input.js";
import type { CallOptions, MutationOptions } from "./client-options.js";
import { decisionIdempotencyKey } from "./idempotency-key.js";
import { integrationList } from "./integration-list.js";
import type { ListOptions, ListPageOptions } from "./integrations-resource.js";
import type { PageIterator } from "./page-iterator.js";
import type { Execute } from "./request-executor.js";

/** Options of `activationRequests.list(integrationId, options)`: a status filter and the page size. */
export interface ActivationRequestListOptions extends ListOptions {
  /** Only requests in this status. Default: all. */
  status?: RequestStatus;
}

/** Options of `activationRequests.listPage(integrationId, options)`: a status filter, the page and its size. */
export interface ActivationRequestListPageOptions extends ListPageOptions {
  /** Only requests in this status. Default: all. */
  status?: RequestStatus;
}

/** Options of `activationRequests.approve(id, options)`: which environments, and the idempotency key. */
export interface ApproveOptions extends MutationOptions {
  /** Company ids to approve. Default: every environment still pending. */
  environments?: number[];
  /**
   * Default: DERIVED from the request id, "approve" and the sorted environment
   * ids (`decisionIdempotencyKey`), so two backend instances approving the same
   * request send the same key and the server applies the approval once.
   */
  idempotencyKey?: string;
}

/** Options of `activationRequests.reject(id, options)`: the reason shown to the customer, which environments, and the idempotency key. */
export interface RejectOptions extends MutationOptions {
  /** Shown to the customer; 1–500 characters. Required. */
  reason: string;
  /** Company ids to reject. Default: every environment still pending. */
  environments?: number[];
  /** Default: DERIVED from the request id, "reject" and the sorted environment ids (not the reason). */
  idempotencyKey?: string;
}

/** `client.activationRequests`: read activation requests and decide them. */
export interface ActivationRequestsResource {
  /** Every request of an integration (newest first), across pages: `for await (const r of …)`. */
  list(
    integrationId: number,
    options?: ActivationRequestListOptions,
  ): PageIterator<ActivationRequest>;
  /** One page of requests. */
  listPage(
    integrationId: number,
    options?: ActivationRequestListPageOptions,
  ): Promise<Page<ActivationRequest>>;
  get(id: number, options?: CallOptions): Promise<ActivationRequest>;
  /** Approves all pending environments or the listed ones; answers each technical user's API key (a secret). */
  approve(id: number, options?: ApproveOptions): Promise<ApproveResult>;
  /** Rejects all pending environments or the listed ones, with a reason for the customer. */
  reject(id: number, options: RejectOptions): Promise<RejectResult>;
}

/**
 * Sorted and de-duplicated, in the body as in the derived key: the server
 * fingerprints the body, so two instances listing the same environments in
 * another order must send the same bytes under the same key.
 */
function normalize(environments: number[] | undefined): number[] | undefined {
  return environments ? [...new Set(environments)].sort((a, b) => a - b) : undefined;
}

/**
 * What an approval and a rejection send alike: the normalized environments
 * (for the body) and the call: path, call options and idempotency key (the
 * caller's, else derived from the request id, the decision and the
 * environments as the body lists them).
 */
async function decisionCall(id: number, decision: "approve" | "reject", options: ApproveOptions) {
  const environments = normalize(options.environments);
  const scope = environments ? { environments } : {};
  const idempotencyKey =
    options.idempotencyKey ?? (await decisionIdempotencyKey({ requestId: id, decision, ...scope }));
  return { scope, call: { params: { id }, ...callInput(options), idempotencyKey } };
}

export function createActivationRequestsResource(execute: Execute): ActivationRequestsResource {
  return {
    ...integrationList((id, input) =>
      execute("listActivationRequests", { params: { id }, ...input }),
    ),
    get: (id, options) =>
      execute("getActivationRequest", { params: { id }, ...callInput(options) }),
    async approve(id, options = {}) {
      const { scope, call } = await decisionCall(id, "approve", options);
      return execute("approveActivationRequest", { ...call, body: scope });
    },
    async reject(id, options) {
      const { scope, call } = await decisionCall(id, "reject", options);
      return execute("rejectActivationRequest", {
        ...call,
        body: { reason: options.reason, ...scope },
      });
    },
  };
}
