export { joinSentences } from "./join-sentences.js";
export { type SanitizeForTerminalOptions, sanitizeForTerminal } from "./sanitize-for-terminal.js";
export {
  describeCharacter,
  findUnsafeCharacter,
  type UnsafeCharacterOptions,
} from "./unsafe-characters.js";
