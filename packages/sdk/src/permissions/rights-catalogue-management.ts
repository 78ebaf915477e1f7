import type { RightInfo } from "./right-info.js";

/**
 * The catalogue's entries in Procountor's "Management" group: the company's
 * own details, its users, the audit log, notifications and the accounting
 * firm's tools. Part of `RIGHTS_CATALOGUE` (rights-catalogue.ts, which says
 * where the names come from).
 */
export const MANAGEMENT_RIGHTS: readonly RightInfo[] = [
  {
    key: "company-info",
    label: { en: "Company info", fi: "Yrityksen tiedot" },
    group: "management",
    risk: "high",
    documented: true,
    fiLabelSource: "pcx",
    levels: {
      view: {
        en: "See the company's basic information, such as name, business ID, address and bank accounts.",
        fi: "Näkee yrityksen perustiedot, kuten nimen, Y-tunnuksen, osoitteen ja pankkitilit.",
      },
      all: {
        en: "Change the company's basic information, bank accounts and usage settings.",
        fi: "Voi muuttaa yrityksen perustietoja, pankkitilejä ja käyttöasetuksia.",
      },
    },
  },
  {
    key: "user-management",
    label: { en: "Users and user rights", fi: "Käyttäjähallinta" },
    group: "management",
    risk: "high",
    documented: true,
    fiLabelSource: "procountor",
    levels: {
      view: {
        en: "See the company's users and their rights.",
        fi: "Näkee yrityksen käyttäjät ja heidän käyttöoikeutensa.",
      },
      all: {
        en: "Add and remove users and change anyone's rights, including its own.",
        fi: "Voi lisätä ja poistaa käyttäjiä sekä muuttaa kenen tahansa käyttöoikeuksia, myös omiaan.",
      },
    },
  },
  {
    key: "audit-log",
    label: { en: "Audit log", fi: "Muutosloki" },
    group: "management",
    // Procountor's Audit log article: the log shows every logged event of the
    // environment, salaries and payments included, even where the user has no
    // other rights; only All rights open it.
    risk: "high",
    documented: true,
    fiLabelSource: "pcx",
    suggestedLevel: "all",
    levels: {
      view: {
        en: "Nothing: Procountor opens the audit log only with All rights.",
        fi: "Ei mitään: Procountor avaa muutoslokin vain kaikilla oikeuksilla.",
      },
      all: {
        en: "See and export every logged event of the company, salaries and payments included, even in areas it has no other rights to.",
        fi: "Näkee ja voi viedä tiedostoon kaikki yrityksen lokitapahtumat, myös palkat ja maksut, vaikka sillä ei olisi muita oikeuksia niihin.",
      },
    },
  },
  {
    key: "notifications",
    label: { en: "Notifications", fi: "Ilmoitukset" },
    group: "management",
    risk: "normal",
    documented: true,
    fiLabelSource: "pcx",
    levels: {
      view: { en: "See the company's notifications.", fi: "Näkee yrityksen ilmoitukset." },
      all: {
        en: "See notifications, send them and mark them as handled.",
        fi: "Voi nähdä ja lähettää ilmoituksia ja merkitä ne käsitellyiksi.",
      },
    },
  },
  {
    key: "accounting-firm-tools",
    label: { en: "Accounting firm tools", fi: "Tilitoimiston työkalut" },
    group: "management",
    risk: "normal",
    documented: true,
    fiLabelSource: "pcx",
    levels: {
      view: {
        en: "See the accounting firm's client environments and settings.",
        fi: "Näkee tilitoimiston asiakasympäristöt ja asetukset.",
      },
      all: {
        en: "Change the accounting firm's settings, such as API invoicing.",
        fi: "Voi muuttaa tilitoimiston asetuksia, kuten API-laskutusta.",
      },
    },
  },
];
