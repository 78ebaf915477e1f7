import type { RightInfo } from "./right-info.js";
import { MANAGEMENT_RIGHTS } from "./rights-catalogue-management.js";

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
 */
export const RIGHTS_CATALOGUE: readonly RightInfo[] = [
  {
    key: "sales-invoices",
    label: { en: "Sales invoices", fi: "Myyntilaskut" },
    group: "sales",
    risk: "normal",
    documented: true,
    fiLabelSource: "procountor",
    levels: {
      view: {
        en: "See sales invoices and their payment status.",
        fi: "Näkee myyntilaskut ja niiden maksutilanteen.",
      },
      all: {
        en: "Create, edit, send and cancel sales invoices.",
        fi: "Voi luoda, muokata, lähettää ja mitätöidä myyntilaskuja.",
      },
    },
  },
  {
    key: "purchase-invoices",
    label: { en: "Purchase invoices", fi: "Ostolaskut" },
    group: "purchases",
    risk: "normal",
    documented: true,
    fiLabelSource: "pcx",
    levels: {
      view: {
        en: "See purchase invoices and their attachments.",
        fi: "Näkee ostolaskut ja niiden liitteet.",
      },
      all: {
        en: "Create and edit purchase invoices and send them for approval.",
        fi: "Voi luoda ja muokata ostolaskuja ja lähettää niitä hyväksyttäviksi.",
      },
    },
  },
  {
    key: "travel-expenses",
    label: { en: "Travel and expense invoices", fi: "Matka- ja kululaskut" },
    group: "purchases",
    risk: "normal",
    documented: true,
    fiLabelSource: "pcx",
    levels: {
      view: { en: "See travel and expense invoices.", fi: "Näkee matka- ja kululaskut." },
      all: {
        en: "Create and edit travel and expense invoices.",
        fi: "Voi luoda ja muokata matka- ja kululaskuja.",
      },
    },
  },
  {
    key: "ledger-receipts",
    label: { en: "Journal receipts", fi: "Muistiotositteet" },
    group: "financial-management",
    risk: "normal",
    documented: true,
    fiLabelSource: "pcx",
    levels: {
      view: {
        en: "See receipts and their accounting entries.",
        fi: "Näkee tositteet ja niiden kirjaukset.",
      },
      all: {
        en: "Create and edit journal receipts and their accounting entries.",
        fi: "Voi luoda ja muokata muistiotositteita ja niiden kirjauksia.",
      },
    },
  },
  {
    key: "business-partners",
    label: { en: "Customer and supplier register", fi: "Asiakas- ja toimittajarekisteri" },
    group: "sales",
    risk: "normal",
    documented: true,
    fiLabelSource: "pcx",
    levels: {
      view: {
        en: "See customers and suppliers with their contact and payment details.",
        fi: "Näkee asiakkaat ja toimittajat sekä niiden yhteys- ja maksutiedot.",
      },
      all: {
        en: "Add, edit and remove customers and suppliers.",
        fi: "Voi lisätä, muokata ja poistaa asiakkaita ja toimittajia.",
      },
    },
  },
  {
    key: "products",
    label: { en: "Product register", fi: "Tuoterekisteri" },
    group: "sales",
    risk: "normal",
    documented: true,
    fiLabelSource: "pcx",
    levels: {
      view: {
        en: "See products, prices and product groups.",
        fi: "Näkee tuotteet, hinnat ja tuoteryhmät.",
      },
      all: {
        en: "Add, edit and remove products and prices.",
        fi: "Voi lisätä, muokata ja poistaa tuotteita ja hintoja.",
      },
    },
  },
  {
    key: "payments",
    label: { en: "Payment function", fi: "Maksutoiminto" },
    group: "payment-transactions",
    risk: "high",
    documented: true,
    fiLabelSource: "pcx",
    levels: {
      view: { en: "See payments and their status.", fi: "Näkee maksut ja niiden tilan." },
      all: {
        en: "Create and send payments from the company's bank accounts and mark invoices as paid.",
        fi: "Voi luoda ja lähettää maksuja yrityksen pankkitileiltä ja merkitä laskuja maksetuiksi.",
      },
    },
  },
  {
    key: "bank-statements",
    label: { en: "Bank statements", fi: "Tiliotteet" },
    group: "payment-transactions",
    risk: "normal",
    documented: false,
    fiLabelSource: "pcx",
    levels: {
      view: {
        en: "See bank statements and account transactions.",
        fi: "Näkee tiliotteet ja tilitapahtumat.",
      },
      all: {
        en: "Import bank statements and allocate their transactions.",
        fi: "Voi tuoda tiliotteita ja kohdistaa tilitapahtumia.",
      },
    },
  },
  {
    key: "reports",
    label: { en: "Reports", fi: "Raportit" },
    group: "financial-management",
    risk: "normal",
    documented: false,
    fiLabelSource: "pcx",
    levels: {
      view: {
        en: "See financial reports such as the income statement and balance sheet.",
        fi: "Näkee talousraportit, kuten tuloslaskelman ja taseen.",
      },
      all: {
        en: "Make reports and save report templates.",
        fi: "Voi tehdä raportteja ja tallentaa raporttipohjia.",
      },
    },
  },
  {
    key: "accounting",
    label: { en: "Accounting", fi: "Kirjanpito" },
    group: "financial-management",
    risk: "normal",
    documented: false,
    fiLabelSource: "pcx",
    levels: {
      view: {
        en: "See the chart of accounts, the general ledger and the journal.",
        fi: "Näkee tilikartan, pääkirjan ja päiväkirjan.",
      },
      all: {
        en: "Change accounting settings, the chart of accounts and accounting periods.",
        fi: "Voi muuttaa kirjanpidon asetuksia, tilikarttaa ja tilikausia.",
      },
    },
  },
  {
    key: "dimensions",
    label: { en: "Dimensions", fi: "Laskentakohteet" },
    group: "financial-management",
    risk: "normal",
    // Public material names only the "dimension-specific limitation of user rights".
    documented: false,
    fiLabelSource: "pcx",
    levels: {
      view: {
        en: "See dimensions and their items, such as cost centres and projects.",
        fi: "Näkee laskentakohteet ja niiden arvot, kuten kustannuspaikat ja projektit.",
      },
      all: {
        en: "Add and edit dimensions and their items.",
        fi: "Voi lisätä ja muokata laskentakohteita ja niiden arvoja.",
      },
    },
  },
  {
    key: "salaries",
    label: { en: "Salaries", fi: "Palkat" },
    group: "salaries",
    risk: "high",
    documented: true,
    fiLabelSource: "pcx",
    levels: {
      view: {
        en: "See payslips, salaries and employees' salary details.",
        fi: "Näkee palkkalaskelmat, palkat ja työntekijöiden palkkatiedot.",
      },
      all: {
        en: "Create, edit and pay salaries.",
        fi: "Voi luoda, muokata ja maksaa palkkoja.",
      },
    },
  },
  ...MANAGEMENT_RIGHTS,
];
