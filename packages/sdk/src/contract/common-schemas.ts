import { z } from "zod";

/**
 * Shapes shared by every route. Procountor publishes these conventions in
 * its API reference (dev.procountor.com/api-reference): numeric `id`s, paging with 0-based `page` and
 * `size` ≤ 200 answered as `results` + `meta`, and errors as an `errors`
 * array of `{field, message}`.
 */

export const IdSchema = z.number().int().positive();
/** Path parameters arrive as strings. */
export const IdParamSchema = z.coerce.number().int().positive();

/**
 * Timestamps of the modelled endpoints are ISO 8601 in UTC (`…Z`). Procountor's
 * published resources use zoneless local datetimes; expiry times are compared
 * across machines, so the model keeps the zone. Adapt here if the real API differs.
 */
export const TimestampSchema = z.iso.datetime({ offset: true });

/** Published: the largest `size` a list call takes. */
export const MAX_PAGE_SIZE = 200;
/** The `size` of a list call that does not say. */
export const DEFAULT_PAGE_SIZE = 50;

/** Paging of list calls: 0-based `page`, `size` 1–`MAX_PAGE_SIZE` (default `DEFAULT_PAGE_SIZE`). */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(0).default(0),
  size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
/** Paging of list calls, defaults applied. */
export type PageQuery = z.output<typeof PageQuerySchema>;

/** Published: the `meta` of a page of results. */
export const PageMetaSchema = z.object({
  pageNumber: z.number().int().min(0),
  pageSize: z.number().int().min(1),
  resultCount: z.number().int().min(0),
  totalCount: z.number().int().min(0),
});
/** The `meta` of a page: its number and size, the results in it and in total. */
export type PageMeta = z.output<typeof PageMetaSchema>;

/** A page of `item`: `{ results, meta }`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ results: z.array(item), meta: PageMetaSchema });
}
/** A page of results: `results` plus `meta`. */
export interface Page<T> {
  results: T[];
  meta: PageMeta;
}

/** Published shape: one problem of an error answer. */
export const ApiErrorItemSchema = z.object({
  /** Dot-path of the offending field; null for errors about the whole request. */
  field: z.string().nullable(),
  message: z.string(),
  /** Procountor-style error code, e.g. `LIMIT_EXCEEDED`. */
  code: z.string().optional(),
});
/** Published shape: every error answer is `{ errors: [ApiErrorItem, …] }`. */
export const ApiErrorBodySchema = z.object({ errors: z.array(ApiErrorItemSchema).min(1) });
/** One problem of an error answer: `{ field, message, code? }`. */
export type ApiErrorItem = z.output<typeof ApiErrorItemSchema>;
/** An error answer: `{ errors }`. */
export type ApiErrorBody = z.output<typeof ApiErrorBodySchema>;

/** Header carrying the client's idempotency key on every mutating call. */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
