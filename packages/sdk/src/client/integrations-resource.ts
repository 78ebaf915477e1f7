import type { CreateIntegrationBody, Integration, Limits, Page } from "../contract/index.js";
import { callInput } from "./call-input.js";
import type { CallOptions, MutationOptions } from "./client-options.js";
import { type PageIterator, paginate } from "./page-iterator.js";
import type { Execute } from "./request-executor.js";

/** A definition as sent: the definition file's content (a `$schema` key is dropped). */
export type DefinitionInput = CreateIntegrationBody["definition"];

/** Options of list calls that walk pages. */
export interface ListOptions extends CallOptions {
  /** Items per page, 1–200. Default: 50. */
  size?: number;
}

/** Options of single-page list calls. */
export interface ListPageOptions extends ListOptions {
  /** The page, 0-based. Default: 0. */
  page?: number;
}

/** `client.integrations`: publish and read integration definitions and their limits. */
export interface IntegrationsResource {
  /** Every integration of this integrator, across pages. */
  list(options?: ListOptions): PageIterator<Integration>;
  /** One page of integrations. */
  listPage(options?: ListPageOptions): Promise<Page<Integration>>;
  /** Submits a new integration; version 1 goes to review (`latest.reviewState` = IN_REVIEW). */
  create(definition: DefinitionInput, options?: MutationOptions): Promise<Integration>;
  get(id: number, options?: CallOptions): Promise<Integration>;
  /** Submits a new version of the definition; it goes to review, the published one stays until approved. */
  update(id: number, definition: DefinitionInput, options?: MutationOptions): Promise<Integration>;
  getLimits(id: number, options?: CallOptions): Promise<Limits>;
  /** Sets the concurrent-activation cap (`null` = no cap); applies at once, without review. */
  setLimits(id: number, max: number | null, options?: MutationOptions): Promise<Limits>;
}

export function createIntegrationsResource(execute: Execute): IntegrationsResource {
  const listPage = (options: ListPageOptions = {}) =>
    execute("listIntegrations", {
      query: { page: options.page, size: options.size },
      ...callInput(options),
    });
  return {
    list: (options = {}) => paginate((page) => listPage({ ...options, page })),
    listPage,
    create: (definition, options) =>
      execute("createIntegration", { body: { definition }, ...callInput(options) }),
    get: (id, options) => execute("getIntegration", { params: { id }, ...callInput(options) }),
    update: (id, definition, options) =>
      execute("updateIntegration", {
        params: { id },
        body: { definition },
        ...callInput(options),
      }),
    getLimits: (id, options) => execute("getLimits", { params: { id }, ...callInput(options) }),
    setLimits: (id, max, options) =>
      execute("setLimits", {
        params: { id },
        body: { maxConcurrentActivations: max },
        ...callInput(options),
      }),
  };
}
