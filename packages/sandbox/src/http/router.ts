import { routePattern } from "@pcx/sdk/contract";

/**
 * The sandbox's one router: every route of the API, the admin routes and
 * the customer's pages in one table, matched by method and path template
 * (`/api/integrations/{id}`: a `{name}` matches one path segment, raw, not
 * decoded). A path known under other methods gives `{ allowed }`, for 405.
 */
export interface RouteEntry<H> {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Starts with "/"; `{name}` marks a path parameter. */
  readonly path: string;
  /** A trailing "/" matches too (the API's routes). Default: false. */
  readonly trailingSlash?: boolean;
  /** HEAD is answered as GET (the pages). Default: false. */
  readonly head?: boolean;
  readonly handler: H;
}

export type RouteLookup<H> =
  | { route: RouteEntry<H>; params: Record<string, string> }
  | { allowed: string[] }
  | undefined;

export interface Router<H> {
  match(method: string, path: string): RouteLookup<H>;
}

export function createRouter<H>(entries: readonly RouteEntry<H>[]): Router<H> {
  const compiled = entries.map((entry) => ({
    entry,
    ...routePattern(entry.path, entry.trailingSlash === true),
  }));
  return {
    match(method, path) {
      const wanted = method.toUpperCase();
      const allowed = new Set<string>();
      for (const { entry, pattern, names } of compiled) {
        const found = pattern.exec(path);
        if (!found) continue;
        const asGet = wanted === "HEAD" && entry.head === true;
        if (entry.method !== wanted && !(asGet && entry.method === "GET")) {
          allowed.add(entry.method);
          if (entry.method === "GET" && entry.head) allowed.add("HEAD");
          continue;
        }
        const params: Record<string, string> = {};
        names.forEach((name, index) => {
          params[name] = found[index + 1] ?? "";
        });
        return { route: entry, params };
      }
      return allowed.size > 0 ? { allowed: [...allowed] } : undefined;
    },
  };
}
