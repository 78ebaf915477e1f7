export type { ChangeClass, DefinitionChange, DefinitionDiff } from "./definition-change.js";
export type { DefinitionIssue, IssueSeverity, ValidationResult } from "./definition-issue.js";
export { definitionJsonSchema } from "./definition-json-schema.js";
export { MAX_DEFINITION_LENGTH, MAX_DEFINITION_SEPARATORS } from "./definition-size.js";
export { diffDefinitions } from "./diff-definitions.js";
export {
  BILLING_TARGETS,
  type BillingTarget,
  HttpsUrlSchema,
  type IntegrationDefinition,
  type IntegrationDefinitionInput,
  IntegrationDefinitionSchema,
  RIGHT_LEVELS,
  type RightLevel,
  type TechnicalUser,
  type TechnicalUserRight,
  TechnicalUserRightSchema,
  TechnicalUserSchema,
} from "./integration-definition-schema.js";
export {
  DEFINITION_FILE_NAMES,
  findDefinitionFile,
  type LoadDefinitionOptions,
  type LoadedDefinition,
  loadDefinition,
} from "./load-definition.js";
export {
  type DefinitionFormat,
  type ParseDefinitionTextOptions,
  parseDefinitionText,
} from "./parse-definition-text.js";
export {
  DEFAULT_SCHEMA_REF,
  type SerializeDefinitionOptions,
  serializeDefinition,
} from "./serialize-definition.js";
export { validateDefinition } from "./validate-definition.js";
