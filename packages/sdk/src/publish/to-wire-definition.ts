import type { WireDefinition } from "../contract/index.js";
import type { IntegrationDefinition } from "../definition/index.js";

/**
 * The definition as the API takes it (the contract's `WireDefinition`): the
 * file's content without its editor-only `$schema`. Everything else, an
 * absent `maxConcurrentActivations` included, is sent as it is: the API
 * leaves the live limit alone when the definition does not declare one.
 */
export function toWireDefinition(
  definition: IntegrationDefinition | WireDefinition,
): WireDefinition {
  const { $schema: _schema, ...wire } = definition as IntegrationDefinition;
  return wire;
}
