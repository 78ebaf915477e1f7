import { PcxError } from "../errors/pcx-error.js";
import type { RouteSpec } from "./routes.js";
import { routes } from "./routes.js";

/** Fills `{name}` placeholders; values are URI-encoded. Throws `pcx_usage` naming a missing parameter. */
export function buildPath(
  route: Pick<RouteSpec, "path">,
  params: Record<string, string | number> = {},
): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new PcxError("pcx_usage", `Missing path parameter "${name}" for ${route.path}`, {
        hint: `Pass { ${name}: … } in the path parameters.`,
      });
    return encodeURIComponent(String(value));
  });
}

/** A path template as a regular expression: see `routePattern`. */
export interface RoutePattern {
  /** Matches a whole path; group i + 1 holds the raw (not decoded) segment of `names[i]`. */
  readonly pattern: RegExp;
  /** The template's `{name}` parameters, in order. */
  readonly names: string[];
}

/**
 * Compiles a path template (`/integrations/{id}`): each `{name}` matches one
 * path segment; the rest matches as written. With `trailingSlash`, a trailing
 * "/" matches too. `matchRoute` and the sandbox's router use it.
 */
export function routePattern(template: string, trailingSlash: boolean): RoutePattern {
  const names: string[] = [];
  const source = template
    .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
  return { pattern: new RegExp(`^${source}${trailingSlash ? "/?" : ""}$`), names };
}

interface CompiledRoute extends RoutePattern {
  readonly route: RouteSpec;
}

const compiled: CompiledRoute[] = Object.values(routes).map((route: RouteSpec) => ({
  route,
  ...routePattern(route.path, true),
}));

/** A malformed escape (`%E0%A4`) stays as sent, so the parameter's schema refuses it with a 400. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A matched route and its path parameters. */
export interface RouteMatch {
  route: RouteSpec;
  /** Raw (decoded) path parameters; validate with `route.params`. */
  params: Record<string, string>;
}

/**
 * Finds the route for a method and a path relative to the API base.
 * Returns `{ allowed }` when the path exists under other methods (for 405).
 * Never throws, whatever the path.
 */
export function matchRoute(
  method: string,
  path: string,
): RouteMatch | { allowed: string[] } | undefined {
  const allowed: string[] = [];
  for (const { route, pattern, names } of compiled) {
    const found = pattern.exec(path);
    if (!found) continue;
    if (route.method !== method.toUpperCase()) {
      allowed.push(route.method);
      continue;
    }
    const params: Record<string, string> = {};
    names.forEach((name, index) => {
      params[name] = decodeSegment(found[index + 1] ?? "");
    });
    return { route, params };
  }
  return allowed.length > 0 ? { allowed } : undefined;
}
