import type { Messages } from "./messages-en.js";

const joissa = (count: number) => (count === 1 ? "jossa" : "joissa");

/**
 * Every string of the customer's pages, in Finnish. The wording follows
 * Procountor's own customer guide (shared/seeds): aktivointilinkki,
 * käyttöönoton käyttöehdot, tekninen käyttäjä, aktivointipyyntö, "Hei"-widget.
 */
export const fi: Messages = {
  // ── layout ──
  lang: "fi",
  htmlTitleSuffix: "Procountor-hiekkalaatikko",
  skipToContent: "Siirry sisältöön",
  brand: "Procountor",
  sandboxTag: "hiekkalaatikko",
  sandboxBanner:
    "Hiekkalaatikko (sandbox): Procountorin paikallinen jäljitelmä kehitykseen ja testaukseen. Ei oikea Procountor; yritykset ja käyttäjät ovat keksittyjä.",
  signedInAs: (name) => `Kirjautuneena: ${name}`,
  signOut: "Kirjaudu ulos",
  switchLanguage: "In English",
  switchLanguageHreflang: "en",
  frontPage: "Etusivu",

  // ── sign-in ──
  signInTitle: "Kirjaudu Procountor-hiekkalaatikkoon",
  signInIntro:
    "Hiekkalaatikossa ei ole salasanoja: valitse yksi demokäyttäjistä. Jokaisella on omat ympäristönsä (yrityksensä).",
  signInLegend: "Demokäyttäjä",
  signInButton: "Kirjaudu",
  signInPickUser: "Valitse demokäyttäjä kirjautuaksesi.",
  signInUnknownUser: "Tällaista demokäyttäjää ei ole; valitse käyttäjä listalta.",

  // ── front page and the "Hello" widget ──
  homeTitle: "Etusivu",
  hello: (firstName) => `Hei, ${firstName}!`,
  updateRequiredHeading: "Päivitys vaaditaan",
  updateRequiredItem: (name, count) =>
    `${name} on muuttanut ominaisuuksiaan tai teknisen käyttäjän käyttöoikeuksia. Päivitä integraatio ${count} ympäristöön.`,
  updateRequiredNoRights: (count) =>
    `${count === 1 ? "1 muu ympäristö" : `${count} muuta ympäristöä`} vaatii käyttäjän, jolla on kaikki oikeudet käyttäjähallintaan, tai odottaa aiemman pyynnön käsittelyä.`,
  showInfo: "Näytä tiedot",
  latestRequestsHeading: "Uusimmat aktivointipyyntösi",
  noRequests:
    "Sinulla ei ole vielä aktivointipyyntöjä. Integraatio otetaan käyttöön sen aktivointilinkistä, jonka ohjelmistontarjoaja jakaa esim. Procountor Store -sivullaan, ohjelmistossaan tai suoraan sinulle.",
  requestSummary: (kind, id) => `${kind} ${id}`,
  created: "Luotu",
  showRequest: "Näytä tila",

  // ── activation steps ──
  stepsLabel: "Käyttöönoton vaiheet",
  stepDetails: "Tiedot ja ehdot",
  stepEnvironments: "Ympäristöt",
  stepTechnicalUser: "Tekninen käyttäjä",
  stepIntegrator: "Ohjelmistontarjoajan vaiheet",
  stepConfirmation: "Vahvistus",
  stepUpdateInfo: "Tiedot ja ympäristöt",
  stepUpdateRights: "Päivitetyt käyttöoikeudet",
  stepOf: (n, total) => `Vaihe ${n}/${total}`,
  activateTitle: (name) => `Ota käyttöön: ${name}`,
  logoAlt: (name) => `${name}: logo`,
  linksHeading: "Ohjelmistontarjoajalta",
  privacyPolicy: "Tietosuojaseloste",
  termsOfService: "Käyttöehdot",
  support: "Tuki",
  opensInNewTab: "(avautuu uuteen välilehteen)",
  billingHeading: "Hinnoittelu",
  billingEnvironment:
    "Oletuksena API:n käytön kuukausimaksu laskutetaan Procountor-ympäristöltä, jossa integraatio on aktivoitu käyttöön.",
  billingAccountingFirm:
    "Tämän integraation API:n käytön kuukausimaksu laskutetaan tilitoimiston kautta, ei ympäristöltä.",
  billingMore:
    "Käytännössä hinta riippuu integraatiosta. Löydät lisätietoa hinnoittelusta ohjelmistontarjoajan Procountor Store -sivuilta ja Procountorin API-hinnastosta.",
  termsLegend: "Käyttöönoton käyttöehdot",
  termsText: (name) =>
    `Aktivoimalla annat Procountorin lisätä integraation ${name} teknisen käyttäjän valitsemiisi ympäristöihin vaiheessa 3 näytetyin käyttöoikeuksin, ja annat integraation ${name} käyttää Procountorin API:a näissä ympäristöissä, kunnes integraatio poistetaan.`,
  acceptTerms: "Hyväksyn käyttöönoton käyttöehdot",
  termsRequired: "Hyväksy käyttöönoton käyttöehdot jatkaaksesi.",
  continue: "Jatka",
  back: "Takaisin",

  environmentsTitle: "Valitse Procountor-ympäristöt",
  environmentsIntro: (name) =>
    `Valitse Procountor-ympäristö tai -ympäristöt, joihin integraatio ${name} halutaan aktivoida.`,
  limitNote: (limit) => `Voit aktivoida integraation samalla enintään ${limit} ympäristöön.`,
  noLimitNote: "Samalla aktivoitavien ympäristöjen määrää ei ole rajattu.",
  environmentsLegend: "Ympäristöt",
  businessId: "Y-tunnus",
  legacyBadge: "Otettu käyttöön aiemmin manuaalisesti",
  legacyNote:
    "Integraatio on otettu tässä ympäristössä käyttöön ennen uudistunutta käyttöönottoprosessia. Integraation aktivoiminen uudestaan uuden prosessin kautta voi kuitenkin olla hyödyllistä: tällä tavalla etenkin integraation muutostenhallinta helpottuu.",
  hiddenHeading: (count) => `${count} ympäristöä ei näytetä listalla:`,
  hiddenNoUserManagement: (count) =>
    `${count}, ${joissa(count)} sinulla ei ole kaikkia oikeuksia käyttäjähallintaan (käyttäjien lisäämiseen ja poistamiseen sekä käyttöoikeuksien muokkaamiseen)`,
  hiddenActive: (count) =>
    `${count}, ${joissa(count)} integraatio on jo otettu käyttöön tämän käyttöönottoprosessin kautta`,
  hiddenUpdateRequired: (count) =>
    `${count}, ${joissa(count)} integraatio on jo käytössä ja odottaa päivitystä (katso etusivu)`,
  hiddenPending: (count) =>
    `${count}, ${count === 1 ? "joka odottaa" : "jotka odottavat"} ohjelmistontarjoajan vastausta aiempaan aktivointipyyntöön`,
  noSelectable:
    "Yhtäkään ympäristöistäsi ei voi valita tälle integraatiolle. Tarvitset kaikki oikeudet käyttäjähallintaan ympäristössä, jossa integraatiota ei ole vielä otettu käyttöön.",
  selectedCount: (count, limit) =>
    limit === null ? `${count} valittu` : `${count} valittu (enintään ${limit})`,
  pickAtLeastOne: "Valitse vähintään yksi ympäristö.",
  overLimit: (picked, limit, name) =>
    `Valitsit ${picked} ympäristöä; integraation ${name} voi aktivoida samalla enintään ${limit} ympäristöön. Valitse enintään ${limit} ja aktivoi loput myöhemmin.`,
  notYourEnvironment: "Valitse ympäristöt listalta.",
  envNoUserManagement: (env) =>
    `Et voi aktivoida integraatioita ympäristössä ${env}: sinulla ei ole siellä kaikkia oikeuksia käyttäjähallintaan.`,
  envActive: (env) => `Integraatio on jo käytössä ympäristössä ${env}.`,
  envUpdateRequired: (env) =>
    `Integraatio on jo käytössä ympäristössä ${env} ja odottaa päivitystä; päivitä se etusivulta.`,
  envPending: (env) =>
    `${env} odottaa jo ohjelmistontarjoajan vastausta aiempaan pyyntöön; odota vastausta tai pyynnön aikakatkaisua.`,
  envNotUpdatable: (env) => `Integraatiota ei tarvitse päivittää ympäristössä ${env}.`,

  technicalUserTitle: "Tekninen käyttäjä",
  technicalUserIntro:
    "Ns. tekninen käyttäjä lisätään automaattisesti valitsemiisi Procountor-ympäristöihin. Kyseinen käyttäjä on ei-inhimillinen käyttäjä, joka lisätään ympäristöön puhtaasti integraation toiminnan varmistamiseksi.",
  technicalUserFixed:
    "Teknisen käyttäjän käyttöoikeuksia tai käyttäjänimeä ei ole mahdollista muokata, vaan ne tulevat suoraan ohjelmistontarjoajalta. Käyttöoikeudet perustuvat integraation todellisiin tarpeisiin; Procountorin integraatiotiimi tarkisti ne, kun ohjelmistontarjoaja loi määritelmät integraatiolle.",
  displayName: "Nimi",
  username: "Käyttäjänimi",
  rightsCaption: "Teknisen käyttäjän käyttöoikeudet",
  colRight: "Käyttöoikeus",
  colLevel: "Taso",
  colAllows: "Mitä se sallii",
  colWhy: "Peruste (ohjelmistontarjoajalta)",
  colChange: "Muutos",
  unknownRight: "Ei pcx:n käyttöoikeusluettelossa",
  pickedEnvironments: "Ympäristöt",
  afterConfirm: (name) =>
    `Kun vahvistat, ${name} avautuu uuteen välilehteen omia vaiheitaan varten. Aktivointipyyntö lähetetään, kun molempien osapuolten vaiheet on suoritettu.`,
  confirm: (name) => `Vahvista ja jatka: ${name}`,

  // ── update ──
  updateTitle: (name) => `Päivitä ${name}`,
  updateIntro: (name) =>
    `${name} on muuttanut ominaisuuksiaan tai teknisen käyttäjän käyttöoikeuksia. Kunnes päivität, edellinen versio pysyy käytössä aiemmilla käyttöoikeuksillaan.`,
  updateEnvironmentsIntro: "Kaikki päivitystä odottavat ympäristöt on valittu.",
  versionInUse: (version) => `käytössä versio ${version}`,
  nothingToUpdate: (name) => `Integraatiota ${name} ei tarvitse päivittää ympäristöissäsi.`,
  updatedRightsTitle: "Päivitetyt käyttöoikeudet",
  updatedRightsIntro: (from, to) =>
    `Teknisen käyttäjän käyttöoikeudet versiossa ${to} verrattuna nyt käytössä olevaan versioon ${from}. Uudet ja laajennetut oikeudet on merkitty.`,
  changeAdded: "Uusi",
  changeRaised: (before) => `Laajennettu (aiemmin: ${before})`,
  changeLowered: (before) => `Supistettu (aiemmin: ${before})`,
  changeNone: "Ei muutosta",
  removedRights: "Ei enää mukana:",
  updateButton: "Päivitä integraatio",

  // ── request status and hand-off ──
  activationRequest: "Aktivointipyyntö",
  updateRequest: "Päivityspyyntö",
  waitingFor: (name) => `Odotetaan, että ${name} käsittelee pyyntösi`,
  handoffText: (name) =>
    `${name} jatkuu uudessa välilehdessä, jossa ohjelmistontarjoaja voi pyytää sinua antamaan lisätietoja tai esim. hyväksymään ehtoja. Pyyntö käsitellään useimmiten muutaman minuutin kuluessa. Tämä sivu päivittyy itsestään.`,
  openIntegrator: (name) => `Avaa ${name}`,
  expiresAt: (time) =>
    `Jos ohjelmistontarjoaja ei vastaa ${time} mennessä, pyyntö epäonnistuu aikakatkaisun vuoksi.`,
  statusCaption: "Tila ympäristöittäin",
  colEnvironment: "Ympäristö",
  colStatus: "Tila",
  statusPending: "Odottaa ohjelmistontarjoajaa",
  statusApproved: "Hyväksytty",
  statusRejected: "Hylätty",
  statusExpired: "Aikakatkaisu — yritä hetken kuluttua uudestaan",
  reason: "Syy",
  noReason: "Ohjelmistontarjoaja ei antanut syytä.",
  allApproved: "Onnittelut, integraatio on nyt valmiina käyttöösi!",
  someRejected:
    "Voit aloittaa käyttöönottoprosessin alusta. Integraationtarjoaja antaa usein syyn hylkäykselle, mikä voi auttaa sinua tekemään tarvitut muutokset ennen kuin lähetät uuden aktivointipyynnön. Jos pyyntösi hylätään toistuvasti, olethan yhteydessä integraationtarjoajaan.",
  someExpired:
    "Aktivointipyyntö epäonnistui aikakatkaisun vuoksi. Ole hyvä ja yritä hetken kuluttua uudestaan.",
  startAgain: "Aloita alusta",
  backToFront: "Takaisin etusivulle",
  lastChecked: (time) => `Tarkistettu viimeksi ${time}.`,

  // ── errors ──
  errorTitle: "Jokin meni vikaan",
  notFoundTitle: "Sivua ei löydy",
  notFoundText: "Tässä osoitteessa ei ole mitään, tai se ei ole sinun nähtävissäsi.",
  notPublishedTitle: "Ei vielä saatavilla",
  notPublishedText:
    "Integraatiolla ei ole vielä hyväksyttyä versiota, joten sitä ei voi ottaa käyttöön. Yritä uudelleen, kun Procountor on tarkistanut sen.",
  badLinkText:
    "Aktivointilinkki on vioittunut (sen state-arvo on liian pitkä). Pyydä ohjelmistontarjoajalta uusi linkki.",
  methodNotAllowed: "Tätä sivua ei voi käyttää näin. Aloita alusta etusivulta.",
  tooLarge: "Lomake oli liian suuri.",
  crossOriginRefused:
    "Lomake tuli toiselta sivustolta, joten hiekkalaatikko hylkäsi sen. Avaa sivu suoraan hiekkalaatikosta ja yritä uudelleen.",
  notAForm: "Sivu lähetettiin muodossa, jota hiekkalaatikko ei hyväksy. Aloita alusta etusivulta.",
  sandboxBug: "Hiekkalaatikossa tapahtui virhe. Se on kirjattu lokiin; aloita alusta etusivulta.",
  couldNotStart: "Pyyntöä ei voitu lähettää:",
  errorLead: "Korjaa tämä:",
};
