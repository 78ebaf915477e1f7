import type { Page } from "../contract/index.js";
import { callInput } from "./call-input.js";
import type { ListOptions, ListPageOptions } from "./integrations-resource.js";
import { type PageIterator, paginate } from "./page-iterator.js";
import type { ExecuteInput } from "./request-executor.js";

// `status` is any string here; each resource's options narrow it to its statuses.
interface StatusListOptions extends ListOptions {
  status?: string;
}

interface StatusListPageOptions extends StatusListOptions, ListPageOptions {}

/** The `listPage` and `list` methods of a resource listed per integration. */
export interface IntegrationList<T> {
  listPage(integrationId: number, options?: StatusListPageOptions): Promise<Page<T>>;
  list(integrationId: number, options?: StatusListOptions): PageIterator<T>;
}

/**
 * `listPage` and `list` (every page) of a list under one integration, filtered
 * by status: its activations or its activation requests. `fetchPage` runs the
 * route with the integration id and the query and per-call inputs it is given.
 */
export function integrationList<T>(
  fetchPage: (integrationId: number, input: ExecuteInput) => Promise<Page<T>>,
): IntegrationList<T> {
  const listPage = (integrationId: number, options: StatusListPageOptions = {}) =>
    fetchPage(integrationId, {
      query: { page: options.page, size: options.size, status: options.status },
      ...callInput(options),
    });
  return {
    listPage,
    list: (integrationId, options = {}) =>
      paginate((page) => listPage(integrationId, { ...options, page })),
  };
}
