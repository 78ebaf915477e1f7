import type { Activation, ActivationStatus, Page } from "../contract/index.js";
import { callInput } from "./call-input.js";
import type { MutationOptions } from "./client-options.js";
import { integrationList } from "./integration-list.js";
import type { ListOptions, ListPageOptions } from "./integrations-resource.js";
import type { PageIterator } from "./page-iterator.js";
import type { Execute } from "./request-executor.js";

/** Options of `activations.list(integrationId, options)`: a status filter and the page size. */
export interface ActivationListOptions extends ListOptions {
  /** Only activations in this status. Default: all. */
  status?: ActivationStatus;
}

/** Options of `activations.listPage(integrationId, options)`: a status filter, the page and its size. */
export interface ActivationListPageOptions extends ListPageOptions {
  /** Only activations in this status. Default: all. */
  status?: ActivationStatus;
}

/** `client.activations`: where the integration is active, and removal by the integrator. */
export interface ActivationsResource {
  /** The integration's standing per environment, across pages. */
  list(integrationId: number, options?: ActivationListOptions): PageIterator<Activation>;
  /** One page of activations. */
  listPage(integrationId: number, options?: ActivationListPageOptions): Promise<Page<Activation>>;
  /** Removes the integration from one environment; its technical user's key stops working. */
  deactivate(
    integrationId: number,
    companyId: number,
    options?: MutationOptions,
  ): Promise<Activation>;
}

export function createActivationsResource(execute: Execute): ActivationsResource {
  return {
    ...integrationList((id, input) => execute("listActivations", { params: { id }, ...input })),
    deactivate: (integrationId, companyId, options) =>
      execute("deactivate", { params: { id: integrationId, companyId }, ...callInput(options) }),
  };
}
