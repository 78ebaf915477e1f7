import type { RightLevel } from "../definition/integration-definition-schema.js";

/** The locales pcx renders rights in: English and Finnish (Procountor's own languages include both). */
export type Locale = "en" | "fi";

/** A text in every locale pcx renders. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/**
 * How much harm a misused right can do. "high": moves money, sees salaries
 * (directly or through the audit log), changes who can use the company or
 * the company's own details. High-risk
 * rights need a purpose that explains them (see `lintRights`).
 */
export type RightRisk = "high" | "normal";

/** The top-level groups of Procountor's user-rights view (Procountor publishes no grouping; this one follows a third-party integration guide). */
export type RightGroup =
  | "management"
  | "sales"
  | "purchases"
  | "salaries"
  | "payment-transactions"
  | "financial-management";

/** Labels of the groups, for tables and rendering. */
export const RIGHT_GROUP_LABELS: Readonly<Record<RightGroup, LocalizedText>> = {
  management: { en: "Management", fi: "Hallinto" },
  sales: { en: "Sales", fi: "Myynti" },
  purchases: { en: "Purchases", fi: "Ostot" },
  salaries: { en: "Salaries", fi: "Palkat" },
  "payment-transactions": { en: "Payment transactions", fi: "Maksuliikenne" },
  "financial-management": { en: "Financial management", fi: "Taloushallinto" },
};

/**
 * Names of the access levels as Procountor shows them ("All rights", "Viewing
 * rights"). "Kaikki oikeudet" is the term of Procountor's own Finnish guide;
 * "Katseluoikeudet" is pcx's, plural like it.
 */
export const RIGHT_LEVEL_LABELS: Readonly<Record<RightLevel, LocalizedText>> = {
  view: { en: "Viewing rights", fi: "Katseluoikeudet" },
  all: { en: "All rights", fi: "Kaikki oikeudet" },
};

/**
 * Where a Finnish label comes from. "procountor": Procountor's own Finnish
 * material (its customer guide to activating integrations) uses the term for
 * this area. "pcx": pcx's translation of the English name, not yet confirmed.
 */
export type FinnishLabelSource = "procountor" | "pcx";

/** One entry of the rights catalogue. */
export interface RightInfo {
  /** The key used in the definition file (`technicalUser.rights[].right`), kebab-case. */
  readonly key: string;
  /** The right's name as the customer sees it. */
  readonly label: LocalizedText;
  /** The group the right sits under in Procountor's user-rights view. */
  readonly group: RightGroup;
  /** "high" for rights that move money, expose salaries or change users or company details. */
  readonly risk: RightRisk;
  /**
   * True when Procountor's public support material names this right (see the
   * comment in rights-catalogue.ts); false when the area is pcx's modelling of
   * an API area that the public material does not name as a right.
   */
  readonly documented: boolean;
  /** Where `label.fi` comes from: Procountor's own Finnish material, or pcx's translation. */
  readonly fiLabelSource: FinnishLabelSource;
  /**
   * The level Procountor's own material says the right needs to be of any
   * use, when there is one: the audit log opens only with All rights. `lintRights`
   * warns when a definition gives less (`level_too_narrow`). Default: none.
   */
  readonly suggestedLevel?: RightLevel;
  /** What each level allows, in plain words, as the customer reads it. */
  readonly levels: Readonly<Record<RightLevel, LocalizedText>>;
}
