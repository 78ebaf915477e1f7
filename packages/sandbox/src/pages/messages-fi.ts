import type { Messages } from "./messages-en.js";

const joissa = (count: number) => (count === 1 ? "jossa" : "joissa");

/**
 * Every string of the customer's pages, in Finnish. The wording follows
 * Procountor's own Finnish customer guide to activating integrations:
 * aktivointilinkki, käyttöönoton käyttöehdot, tekninen käyttäjä,
 * aktivointipyyntö, ohjelmistontarjoaja (the one word for the provider),
 * "Hei"-widget. Finnish punctuation: no semicolons between clauses (a full
 * stop or a conjunction instead).
 */
export const fi: Messages = {
  // ── layout ──
  lang: "fi",
  htmlTitleSuffix: "Procountor-hiekkalaatikko",
  skipToContent: "Siirry sisältöön",
  brand: "Procountor",
  sandboxTag: "hiekkalaatikko",
  sandboxBanner:
    "Hiekkalaatikko: Procountorin paikallinen jäljitelmä kehitystä ja testausta varten. Tämä ei ole oikea Procountor, ja sen yritykset ja käyttäjät ovat keksittyjä.",
  signedInAs: (name) => `Kirjautuneena: ${name}`,
  signOut: "Kirjaudu ulos",
  switchLanguage: "In English",
  switchLanguageHreflang: "en",
  frontPage: "Etusivu",
  outboxLink: "Sähköposti",

  // ── sign-in ──
  signInTitle: "Kirjaudu Procountor-hiekkalaatikkoon",
  signInIntro:
    "Hiekkalaatikossa ei ole salasanoja. Valitse yksi demokäyttäjistä. Jokaisella on omat ympäristönsä eli yrityksensä.",
  signInLegend: "Demokäyttäjä",
  signInButton: "Kirjaudu",
  signInPickUser: "Valitse demokäyttäjä, jolla kirjaudut.",
  signInUnknownUser: "Tällaista demokäyttäjää ei ole. Valitse käyttäjä listalta.",

  // ── front page and the "Hei" widget ──
  homeTitle: "Etusivu",
  hello: (firstName) => `Hei, ${firstName}!`,
  updateRequiredHeading: "Päivitys vaaditaan",
  updateRequiredItem: (name, count) =>
    `${name} on muuttanut ominaisuuksiaan tai teknisen käyttäjän käyttöoikeuksia. Päivitä integraatio ${count} ympäristössä.`,
  updateRequiredNoRights: (count) =>
    `${count === 1 ? "Yksi muu ympäristö" : `${count} muuta ympäristöä`} vaatii käyttäjän, jolla on kaikki oikeudet käyttäjähallintaan, tai odottaa aiemman pyynnön käsittelyä.`,
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
  billingHeading: "Integraation käytön hinnoittelu",
  billingEnvironment:
    "Oletuksena API:n käytön kuukausimaksu laskutetaan Procountor-ympäristöltä, jossa integraatio on aktivoitu käyttöön.",
  billingAccountingFirm:
    "Tämän integraation API:n käytön kuukausimaksu laskutetaan tilitoimistolta eikä ympäristöltä.",
  billingMore:
    "Käytännössä hinta riippuu integraatiosta. Löydät lisätietoa hinnoittelusta ohjelmistontarjoajan Procountor Store -sivuilta.",
  priceList: "Procountorin API-hinnasto",
  termsLegend: "Käyttöönoton käyttöehdot",
  termsText: (name) =>
    `Aktivoimalla annat Procountorin lisätä integraation ${name} teknisen käyttäjän valitsemiisi ympäristöihin vaiheessa 3 näytetyin käyttöoikeuksin. Samalla annat integraation ${name} käyttää Procountorin API:a näissä ympäristöissä, kunnes integraatio poistetaan.`,
  acceptTerms: "Hyväksyn käyttöönoton käyttöehdot",
  termsRequired: "Hyväksy käyttöönoton käyttöehdot, niin pääset jatkamaan.",
  continue: "Jatka",
  back: "Takaisin",

  environmentsTitle: "Valitse Procountor-ympäristöt",
  environmentsIntro: (name) =>
    `Valitse Procountor-ympäristö tai -ympäristöt, joihin haluat aktivoida integraation ${name}.`,
  limitNote: (limit) => `Voit aktivoida integraation samalla enintään ${limit} ympäristöön.`,
  limitNoteUpdate: (limit) => `Voit päivittää integraation samalla enintään ${limit} ympäristössä.`,
  noLimitNote: "Samalla aktivoitavien ympäristöjen määrää ei ole rajattu.",
  environmentsLegend: "Ympäristöt",
  businessId: "Y-tunnus",
  legacyBadge: "Otettu käyttöön aiemmin manuaalisesti",
  legacyNote:
    "Integraatio on otettu tässä ympäristössä käyttöön ennen uudistunutta käyttöönottoprosessia. Integraation aktivoiminen uudestaan uuden prosessin kautta voi kuitenkin olla hyödyllistä: tällä tavalla etenkin integraation muutostenhallinta helpottuu. Jos integraatiossa tapahtuu merkittäviä muutoksia, voit ottaa päivitykset automatisoidusti käyttöön.",
  hiddenHeading: (count) =>
    count === 1
      ? "Yhtä ympäristöäsi ei näytetä listalla:"
      : `${count} ympäristöäsi ei näytetä listalla:`,
  hiddenNoUserManagement: (count) =>
    `${count}, ${joissa(count)} sinulla ei ole kaikkia oikeuksia käyttäjähallintaan (käyttäjien lisäämiseen ja poistamiseen sekä käyttöoikeuksien muokkaamiseen)`,
  hiddenActive: (count) =>
    `${count}, ${joissa(count)} integraatio on jo otettu käyttöön tämän käyttöönottoprosessin kautta`,
  hiddenUpdateRequired: (count) =>
    `${count}, ${joissa(count)} integraatio on jo käytössä ja odottaa päivitystä (katso etusivu)`,
  hiddenPending: (count) =>
    `${count}, ${count === 1 ? "joka odottaa" : "jotka odottavat"} ohjelmistontarjoajan vastausta aiempaan pyyntöön`,
  noSelectable:
    "Yhtäkään ympäristöistäsi ei voi valita tälle integraatiolle. Tarvitset kaikki oikeudet käyttäjähallintaan ympäristössä, jossa integraatiota ei ole vielä otettu käyttöön.",
  selectedCount: (count, limit) =>
    limit === null ? `Valittuna: ${count}` : `Valittuna: ${count} (enintään ${limit})`,
  pickAtLeastOne: "Valitse vähintään yksi ympäristö.",
  overLimit: (picked, limit, name) =>
    `Valitsit ${picked} ympäristöä, mutta integraation ${name} voi aktivoida samalla enintään ${limit} ympäristöön. Valitse enintään ${limit} ja aktivoi loput myöhemmin.`,
  overLimitUpdate: (picked, limit, name) =>
    `Valitsit ${picked} ympäristöä, mutta integraation ${name} voi päivittää samalla enintään ${limit} ympäristössä. Valitse enintään ${limit} ja päivitä loput myöhemmin.`,
  notYourEnvironment: "Valitse ympäristöt listalta.",
  envNoUserManagement: (env) =>
    `Et voi aktivoida integraatioita ympäristössä ${env}, koska sinulla ei ole siellä kaikkia oikeuksia käyttäjähallintaan.`,
  envActive: (env) => `Integraatio on jo käytössä ympäristössä ${env}.`,
  envUpdateRequired: (env) =>
    `Integraatio on jo käytössä ympäristössä ${env} ja odottaa päivitystä. Päivitä se etusivulta.`,
  envPending: (env) =>
    `${env} odottaa jo ohjelmistontarjoajan vastausta aiempaan pyyntöön. Odota vastausta tai pyynnön aikakatkaisua.`,
  envNotUpdatable: (env) => `Integraatiota ei tarvitse päivittää ympäristössä ${env}.`,

  technicalUserTitle: "Tekninen käyttäjä",
  technicalUserIntro:
    "Ns. tekninen käyttäjä lisätään automaattisesti valitsemiisi Procountor-ympäristöihin. Kyseinen käyttäjä on ei-inhimillinen käyttäjä, joka lisätään ympäristöön puhtaasti integraation toiminnan varmistamiseksi.",
  technicalUserFixed:
    "Teknisen käyttäjän käyttöoikeuksia tai käyttäjänimeä ei ole mahdollista muokata, vaan ne tulevat suoraan ohjelmistontarjoajalta. Käyttöoikeudet perustuvat integraation todellisiin tarpeisiin. Procountorin integraatiotiimi tarkisti ne, kun ohjelmistontarjoaja loi määritelmät integraatiolle.",
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
    `Kun vahvistat, integraation ${name} ohjelmistontarjoajan oma sivu avautuu uuteen välilehteen. Siellä ohjelmistontarjoaja voi pyytää sinua antamaan lisätietoja tai esim. hyväksymään ehtoja. Samalla aktivointipyyntösi lähetetään ohjelmistontarjoajalle hyväksyttäväksi. Pyyntö käsitellään useimmiten muutaman minuutin kuluessa, ja voit seurata sen tilaa tällä välilehdellä.`,
  afterUpdateConfirm: (name) =>
    `Kun vahvistat, integraation ${name} ohjelmistontarjoajan oma sivu avautuu uuteen välilehteen, ja päivityspyyntösi lähetetään ohjelmistontarjoajalle hyväksyttäväksi. Pyyntö käsitellään useimmiten muutaman minuutin kuluessa, ja voit seurata sen tilaa tällä välilehdellä.`,
  confirm: (name) => `Vahvista ja jatka integraation ${name} sivulle`,

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
  waitingFor: (name) => `Integraation ${name} ohjelmistontarjoaja käsittelee pyyntöäsi`,
  handoffOpened: (name) =>
    `Integraation ${name} ohjelmistontarjoajan oma sivu avautui uuteen välilehteen. Siellä ohjelmistontarjoaja voi pyytää sinua antamaan lisätietoja tai esim. hyväksymään ehtoja. Pyyntö käsitellään useimmiten muutaman minuutin kuluessa. Tämä sivu päivittyy itsestään.`,
  handoffToOpen: (name) =>
    `Jatka integraation ${name} ohjelmistontarjoajan omalla sivulla. Siellä ohjelmistontarjoaja voi pyytää sinua antamaan lisätietoja tai esim. hyväksymään ehtoja. Pyyntö käsitellään useimmiten muutaman minuutin kuluessa. Tämä sivu päivittyy itsestään.`,
  handoffBlocked: "Selaimesi ei avannut uutta välilehteä. Avaa se alla olevalla painikkeella.",
  handoffNoTab: "Eikö uusi välilehti avautunut?",
  openIntegrator: (name) => `Avaa integraation ${name} sivu`,
  handoffGone:
    "Tämä siirtolinkki ei ole enää voimassa. Palaa ensimmäiseen välilehteen ja käytä siellä olevaa painiketta.",
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
  allApprovedUpdate: "Päivitys on nyt otettu käyttöön.",
  approvedNext: (name) =>
    `Jos sinulle jäi kysymyksiä esim. integraation ${name} tarjoamista uusista mahdollisuuksista, voit etsiä lisätietoja integraation Procountor Store -sivuilta tai ohjelmistontarjoajan omilta tukisivuilta:`,
  supportPages: (name) => `Integraation ${name} tukisivut`,
  someRejected:
    "Voit aloittaa alusta. Ohjelmistontarjoaja antaa usein syyn hylkäykselle, mikä voi auttaa sinua tekemään tarvittavat muutokset ennen kuin lähetät uuden pyynnön. Jos pyyntösi hylätään toistuvasti, ole yhteydessä ohjelmistontarjoajaan.",
  someExpired:
    "Pyyntö epäonnistui aikakatkaisun vuoksi, ennen kuin ohjelmistontarjoaja vastasi. Yritä hetken kuluttua uudestaan.",
  startAgain: "Aloita alusta",
  backToFront: "Takaisin etusivulle",
  lastChecked: (time) => `Tarkistettu viimeksi ${time}.`,

  // ── the status e-mail and the outbox page ──
  emailSubjectActivation: (name) => `Aktivointipyyntösi on käsitelty: ${name}`,
  emailSubjectUpdate: (name) => `Päivityspyyntösi on käsitelty: ${name}`,
  emailGreeting: (firstName) => `Hei ${firstName},`,
  emailIntroActivation: (id, name) =>
    `aktivointipyyntösi ${id} (${name}) on käsitelty kaikkien ympäristöjen osalta:`,
  emailIntroUpdate: (id, name) =>
    `päivityspyyntösi ${id} (${name}) on käsitelty kaikkien ympäristöjen osalta:`,
  emailStatusLink: (url) => `Katso pyynnön tiedot: ${url}`,
  emailStartAgain: (url) => `Voit aloittaa alusta: ${url}`,
  emailSignature: "Procountor (hiekkalaatikko)",
  outboxTitle: "Sähköposti",
  outboxIntro:
    "Procountorin sinulle lähettämät sähköpostit. Hiekkalaatikko ei lähetä mitään minnekään, vaan säilyttää viestit täällä ja JSON-muodossa osoitteessa /sandbox/outbox.",
  outboxEmpty:
    "Ei vielä sähköposteja. Procountor lähettää sinulle sähköpostin, kun pyynnön kaikki ympäristöt on käsitelty.",
  emailTo: "Vastaanottaja",
  emailSent: "Lähetetty",

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
  sandboxBug: "Hiekkalaatikossa tapahtui virhe. Se on kirjattu lokiin. Aloita alusta etusivulta.",
  couldNotStart: "Pyyntöä ei voitu lähettää:",
  errorLead: "Korjaa tämä:",
};
