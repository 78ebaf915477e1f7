// @pcx/sdk/contract: the wire contract shared by the SDK client and the sandbox.
export * from "./activation-schemas.js";
export * from "./api-error-codes.js";
export * from "./callback-schemas.js";
export * from "./canonical-id.js";
export * from "./common-schemas.js";
export * from "./integration-schemas.js";
export { MAX_STATE_LENGTH } from "./max-state-length.js";
export * from "./oauth-schemas.js";
export { openApiDocument } from "./openapi-document.js";
export {
  buildPath,
  matchRoute,
  type RouteMatch,
  type RoutePattern,
  routePattern,
} from "./route-path.js";
export {
  type RouteBody,
  type RouteName,
  type RouteResponse,
  type RouteSpec,
  type Routes,
  routes,
} from "./routes.js";
