import type {
  IntegrationDefinitionInput,
  RightLevel,
} from "../definition/integration-definition-schema.js";
import { getRight } from "./find-right.js";
import { type Locale, RIGHT_LEVEL_LABELS, type RightRisk } from "./right-info.js";

/** Options of `renderTechnicalUser` and `renderTechnicalUserText`. */
export interface RenderTechnicalUserOptions {
  /** The customer's language. */
  locale: Locale;
}

/** One right as the customer reviews it. */
export interface RenderedRight {
  /** The right's key as written in the definition, e.g. "sales-invoices". */
  right: string;
  /** "view" or "all". */
  level: RightLevel;
  /** The right's name in the locale; the key itself when the right is not in the catalogue. */
  label: string;
  /** The level's name in the locale: "All rights" / "Kaikki oikeudet", "Viewing rights" / "Katseluoikeudet". */
  levelLabel: string;
  /** What this level of this right allows, in plain words, in the locale (a fixed note for unknown rights). */
  description: string;
  /** The integrator's purpose, verbatim (integrators write it in their own language). */
  purpose: string;
  /** False when the right is not in pcx's catalogue. */
  known: boolean;
  /** The catalogue's risk; "unknown" when the right is not in the catalogue. */
  risk: RightRisk | "unknown";
}

/** The technical user as the customer reviews it during activation, on the page that lists its rights. */
export interface RenderedTechnicalUser {
  /** The technical user's username. */
  username: string;
  /** `technicalUser.displayName`, or the username when there is none. */
  displayName: string;
  /** The locale the texts are in. */
  locale: Locale;
  /** The rights in the order the definition lists them. */
  rights: RenderedRight[];
}

/** The part of a definition the rendering needs (a full definition, valid or as written, fits). */
export type TechnicalUserSource = Pick<IntegrationDefinitionInput, "technicalUser">;

const UNKNOWN_RIGHT: Record<Locale, string> = {
  en: "A Procountor right that pcx's catalogue does not describe.",
  fi: "Procountorin käyttöoikeus, jota pcx:n luettelo ei kuvaa.",
};

/**
 * The technical user and its rights in the customer's language, as data:
 * the CLI prints it, the sandbox's activation pages show it. Rights not in
 * the catalogue keep their key as label, with `known: false`.
 */
export function renderTechnicalUser(
  definition: TechnicalUserSource,
  options: RenderTechnicalUserOptions,
): RenderedTechnicalUser {
  const { locale } = options;
  const user = definition.technicalUser;
  return {
    username: user.username,
    displayName: user.displayName?.trim() || user.username,
    locale,
    rights: user.rights.map((entry) => {
      const info = getRight(entry.right);
      return {
        right: entry.right,
        level: entry.level,
        label: info ? info.label[locale] : entry.right,
        levelLabel: RIGHT_LEVEL_LABELS[entry.level][locale],
        description: info ? info.levels[entry.level][locale] : UNKNOWN_RIGHT[locale],
        purpose: entry.purpose.trim(),
        known: info !== undefined,
        risk: info ? info.risk : "unknown",
      };
    }),
  };
}
