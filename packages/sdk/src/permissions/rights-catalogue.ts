import type { RightInfo } from "./right-info.js";
import entries from "./rights-catalogue.json";

/**
 * The rights catalogue: what a technical user can be given, as area × level
 * (`view` = Procountor's "Viewing rights", `all` = "All rights").
 *
 * Where the names come from:
 * - The English names of entries with `documented: true` appear in Procountor's
 *   public support articles (360000252197 Users and privileges, 10142366663580,
 *   16181565012764, 18741058311068, 360000238498, 13973423604636 Audit log,
 *   14665803806236, 360000256737, 10827719878684, 13129615898140, 360016727718):
 *   Users and user rights, Company info, Audit log, sales invoices, purchase
 *   invoices, travel & expense invoices, journal receipts, Salaries, Notifications,
 *   Customer register, Product register, Payment function, Accounting firm tools.
 * - Entries with `documented: false` (bank-statements, reports, accounting,
 *   dimensions) are pcx's model of API areas that the public material does not
 *   name as rights. The keys themselves are pcx's: Procountor publishes no right keys.
 * - `fiLabelSource` says where each Finnish label comes from: "procountor" where
 *   Procountor's own Finnish customer guide uses the term ("käyttäjähallinta",
 *   "myyntilasku"), "pcx" where it is pcx's translation of the English name.
 *
 * Procountor's public catalogue is incomplete (the "User role privileges"
 * table is not public), so keys missing here are allowed: `lintRights` warns
 * about them with a did-you-mean instead of failing the definition.
 *
 * The entries are data, kept in rights-catalogue.json so that translators can
 * edit them without touching code. rights-catalogue.test.ts checks every entry
 * against `RightInfo`'s unions (group, risk, label source, level).
 */
export const RIGHTS_CATALOGUE = entries as readonly RightInfo[];
