import type { Page } from "../contract/index.js";

/**
 * A paged list: `for await (const item of list)` walks every item across
 * pages, fetching each page only when the previous one is used up.
 */
export interface PageIterator<T> extends AsyncIterable<T> {
  /** Walks whole pages (`{ results, meta }`) instead of items. */
  pages(): AsyncIterableIterator<Page<T>>;
  /** Collects items into an array, stopping after `limit` items. Default limit: all. */
  toArray(options?: { limit?: number }): Promise<T[]>;
}

/**
 * Offset paging over `fetchPage(page)` from page `firstPage` (0-based): stops
 * after an empty page, a short page, or when `meta` says the total is reached.
 * Offset paging over a list ordered newest first may show an item twice or skip
 * one if items arrive while walking; callers that must not miss any dedupe by id.
 */
export function paginate<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  firstPage = 0,
): PageIterator<T> {
  async function* pages(): AsyncGenerator<Page<T>> {
    for (let page = firstPage; ; page++) {
      const current = await fetchPage(page);
      if (current.results.length > 0) yield current;
      const { meta, results } = current;
      const seen = meta.pageNumber * meta.pageSize + results.length;
      if (results.length === 0 || results.length < meta.pageSize || seen >= meta.totalCount) return;
    }
  }
  async function* items(): AsyncGenerator<T> {
    for await (const page of pages()) yield* page.results;
  }
  return {
    [Symbol.asyncIterator]: () => items(),
    pages,
    async toArray(options: { limit?: number } = {}): Promise<T[]> {
      const limit = options.limit ?? Number.POSITIVE_INFINITY;
      const out: T[] = [];
      if (limit <= 0) return out;
      for await (const item of items()) {
        out.push(item);
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}
