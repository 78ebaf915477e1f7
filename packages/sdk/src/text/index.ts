// @pcx/sdk/text: making text from elsewhere safe to print, free of zod and yaml.
export { hideUrlPassword } from "./hide-url-password.js";
export { type SanitizeForTerminalOptions, sanitizeForTerminal } from "./sanitize-for-terminal.js";
export {
  describeCharacter,
  findUnsafeCharacter,
  type UnsafeCharacterOptions,
} from "./unsafe-characters.js";
