export { getRight, suggestRight } from "./find-right.js";
export { lintRights, type RightEntryLike } from "./lint-rights.js";
export {
  type RenderedRight,
  type RenderedTechnicalUser,
  type RenderTechnicalUserOptions,
  renderTechnicalUser,
  type TechnicalUserSource,
} from "./render-technical-user.js";
export { renderTechnicalUserText } from "./render-technical-user-text.js";
export {
  type FinnishLabelSource,
  type Locale,
  type LocalizedText,
  RIGHT_GROUP_LABELS,
  RIGHT_LEVEL_LABELS,
  type RightGroup,
  type RightInfo,
  type RightRisk,
} from "./right-info.js";
export { RIGHTS_CATALOGUE } from "./rights-catalogue.js";
