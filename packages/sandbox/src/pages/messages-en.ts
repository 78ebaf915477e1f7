/**
 * Every string of the customer's pages, in English. messages-fi.ts has the
 * same keys (the type checks it, and messages.test.ts checks it at run time).
 * Texts are plain: pages escape them.
 */
export const en = {
  // ── layout ──
  lang: "en",
  htmlTitleSuffix: "Procountor sandbox",
  skipToContent: "Skip to content",
  brand: "Procountor",
  sandboxTag: "sandbox",
  sandboxBanner:
    "Sandbox: a local Procountor emulator for development and tests. Not the real Procountor; the companies and users are made up.",
  signedInAs: (name: string) => `Signed in as ${name}`,
  signOut: "Sign out",
  switchLanguage: "Suomeksi",
  switchLanguageHreflang: "fi",
  frontPage: "Front page",
  outboxLink: "E-mail",

  // ── sign-in ──
  signInTitle: "Sign in to the Procountor sandbox",
  signInIntro:
    "There are no passwords in the sandbox: pick one of the demo users. Each has their own environments (companies).",
  signInLegend: "Demo user",
  signInButton: "Sign in",
  signInPickUser: "Pick a demo user to sign in.",
  signInUnknownUser: "There is no such demo user; pick one from the list.",

  // ── front page and the "Hello" widget ──
  homeTitle: "Front page",
  hello: (firstName: string) => `Hello, ${firstName}!`,
  updateRequiredHeading: "Update required",
  updateRequiredItem: (name: string, count: number) =>
    `${name} has changed its features or its technical user's rights. Update it in ${count} ${count === 1 ? "environment" : "environments"}.`,
  updateRequiredNoRights: (count: number) =>
    `${count} more ${count === 1 ? "environment needs" : "environments need"} a user with all rights to user management, or ${count === 1 ? "waits" : "wait"} for an earlier request.`,
  showInfo: "Show info",
  latestRequestsHeading: "Your latest activation requests",
  noRequests:
    "You have no activation requests yet. An integration is activated from its activation link, which the integrator shares on its Procountor Store page, in its product or directly.",
  requestSummary: (kind: string, id: number) => `${kind} ${id}`,
  created: "Created",
  showRequest: "Show status",

  // ── activation steps ──
  stepsLabel: "Activation steps",
  stepDetails: "Details and terms",
  stepEnvironments: "Environments",
  stepTechnicalUser: "Technical user",
  stepIntegrator: "Integrator's steps",
  stepConfirmation: "Confirmation",
  stepUpdateInfo: "Info and environments",
  stepUpdateRights: "Updated rights",
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  activateTitle: (name: string) => `Activate ${name}`,
  logoAlt: (name: string) => `${name} logo`,
  linksHeading: "From the integrator",
  privacyPolicy: "Privacy policy",
  termsOfService: "Terms of service",
  support: "Support",
  opensInNewTab: "(opens in a new tab)",
  billingHeading: "Pricing of the integration",
  billingEnvironment:
    "By default, the API monthly fee is billed to the Procountor environment where the integration is activated.",
  billingAccountingFirm:
    "The API monthly fee of this integration is billed to the accounting firm, not to the environment.",
  billingMore:
    "In practice the price depends on the integration. See the integrator's Procountor Store page for details.",
  priceList: "Procountor's API price list",
  termsLegend: "Activation terms",
  termsText: (name: string) =>
    `By activating, you let Procountor add ${name}'s technical user to the environments you pick, with the rights shown in step 3, and let ${name} use Procountor's API in those environments until the integration is removed.`,
  acceptTerms: "I accept the activation terms",
  termsRequired: "Accept the activation terms to continue.",
  continue: "Continue",
  back: "Back",

  environmentsTitle: "Choose environments",
  environmentsIntro: (name: string) =>
    `Pick the Procountor environments where you want to activate ${name}.`,
  limitNote: (limit: number) =>
    `You can activate at most ${limit} ${limit === 1 ? "environment" : "environments"} at once.`,
  limitNoteUpdate: (limit: number) =>
    `You can update at most ${limit} ${limit === 1 ? "environment" : "environments"} at once.`,
  noLimitNote: "There is no limit on how many environments you can activate at once.",
  environmentsLegend: "Environments",
  businessId: "Business ID",
  legacyBadge: "Activated earlier manually",
  legacyNote:
    "The integration was taken into use here before this activation flow existed. Activating it again through the flow is still useful: it makes managing the integration's changes easier, and when the integration changes significantly, you can take the updates into use automatically through the flow.",
  hiddenHeading: (count: number) =>
    `${count} of your ${count === 1 ? "environment is" : "environments are"} not listed:`,
  hiddenNoUserManagement: (count: number) =>
    `${count} where you do not have all rights to user management (adding and removing users and editing their rights)`,
  hiddenActive: (count: number) =>
    `${count} where the integration is already activated through this flow`,
  hiddenUpdateRequired: (count: number) =>
    `${count} where the integration is already activated and waits for an update (see the front page)`,
  hiddenPending: (count: number) =>
    `${count} waiting for the integrator's answer to an earlier request`,
  noSelectable:
    "None of your environments can be picked for this integration. You need all rights to user management in an environment where the integration is not activated yet.",
  selectedCount: (count: number, limit: number | null) =>
    limit === null ? `${count} selected` : `${count} selected (at most ${limit})`,
  pickAtLeastOne: "Pick at least one environment.",
  overLimit: (picked: number, limit: number, name: string) =>
    `You picked ${picked} environments; ${name} can be activated in at most ${limit} ${limit === 1 ? "environment" : "environments"} at once. Pick ${limit} or fewer and activate the rest afterwards.`,
  overLimitUpdate: (picked: number, limit: number, name: string) =>
    `You picked ${picked} environments; ${name} can be updated in at most ${limit} ${limit === 1 ? "environment" : "environments"} at once. Pick ${limit} or fewer and update the rest afterwards.`,
  notYourEnvironment: "Pick environments from the list.",
  envNoUserManagement: (env: string) =>
    `You cannot activate integrations in ${env}: you do not have all rights to user management there.`,
  envActive: (env: string) => `The integration is already active in ${env}.`,
  envUpdateRequired: (env: string) =>
    `The integration is already active in ${env} and waits for an update; update it from the front page instead.`,
  envPending: (env: string) =>
    `${env} already waits for the integrator's answer to an earlier request; wait for it or until it times out.`,
  envNotUpdatable: (env: string) => `The integration needs no update in ${env}.`,

  technicalUserTitle: "Technical user",
  technicalUserIntro:
    "A technical user is added automatically to each environment you picked. It is a non-human user that exists only so that the integration works.",
  technicalUserFixed:
    "Its username and rights come from the integrator and cannot be edited. They are based on what the integration really needs; Procountor's integration team checked them when the integrator created the integration definition.",
  displayName: "Name",
  username: "Username",
  rightsCaption: "Rights of the technical user",
  colRight: "Right",
  colLevel: "Level",
  colAllows: "What it allows",
  colWhy: "Why (from the integrator)",
  colChange: "Change",
  unknownRight: "Not in pcx's rights catalogue",
  pickedEnvironments: "Environments",
  afterConfirm: (name: string) =>
    `When you confirm, ${name}'s own page opens in a new tab, where the integrator may ask for more information or for acceptance of its own terms. At the same time your activation request goes to the integrator for approval. It is usually processed within minutes, and this tab shows its status.`,
  afterUpdateConfirm: (name: string) =>
    `When you confirm, ${name}'s own page opens in a new tab, and your update request goes to the integrator for approval. It is usually processed within minutes, and this tab shows its status.`,
  confirm: (name: string) => `Confirm and continue to ${name}`,

  // ── update ──
  updateTitle: (name: string) => `Update ${name}`,
  updateIntro: (name: string) =>
    `${name} has changed its features or its technical user's rights. Until you update, the previous version keeps its previous rights.`,
  updateEnvironmentsIntro: "All environments that need the update are selected.",
  versionInUse: (version: number) => `version ${version} in use`,
  nothingToUpdate: (name: string) => `${name} needs no update in your environments.`,
  updatedRightsTitle: "Updated rights",
  updatedRightsIntro: (from: number, to: number) =>
    `The technical user's rights in version ${to}, compared with version ${from} in use now. New and raised rights are marked.`,
  changeAdded: "New",
  changeRaised: (before: string) => `Raised (was: ${before})`,
  changeLowered: (before: string) => `Lowered (was: ${before})`,
  changeNone: "Unchanged",
  removedRights: "No longer included:",
  updateButton: "Update integration",

  // ── request status and hand-off ──
  activationRequest: "Activation request",
  updateRequest: "Update request",
  waitingFor: (name: string) => `Waiting for ${name} to process your request`,
  handoffOpened: (name: string) =>
    `${name}'s own page opened in a new tab, where the integrator may ask for more information or for acceptance of its own terms. The request is usually processed within minutes. This page refreshes itself.`,
  handoffToOpen: (name: string) =>
    `Continue on ${name}'s own page, where the integrator may ask for more information or for acceptance of its own terms. The request is usually processed within minutes. This page refreshes itself.`,
  handoffBlocked: "Your browser did not open the new tab. Open it with the button below.",
  handoffNoTab: "No new tab?",
  openIntegrator: (name: string) => `Open ${name}`,
  handoffGone:
    "This hand-off link is no longer valid. Go back to the first tab and use the button there.",
  expiresAt: (time: string) =>
    `If the integrator does not answer by ${time}, the request times out.`,
  statusCaption: "Status per environment",
  colEnvironment: "Environment",
  colStatus: "Status",
  statusPending: "Waiting for the integrator",
  statusApproved: "Approved",
  statusRejected: "Rejected",
  statusExpired: "Timed out — try again later",
  reason: "Reason",
  noReason: "The integrator gave no reason.",
  allApproved: "Congratulations, the integration is now ready to use!",
  allApprovedUpdate: "The update is now in use.",
  approvedNext: (name: string) =>
    `Questions, for example about what ${name} can now do for you? See its Procountor Store page or the integrator's own support pages:`,
  supportPages: (name: string) => `${name} support`,
  someRejected:
    "You can start again. The integrator often gives a reason for the rejection, which can help you make the needed changes before you send a new request. If requests are rejected repeatedly, contact the integrator.",
  someExpired:
    "The request timed out before the integrator answered. Please try again in a moment.",
  startAgain: "Start again",
  backToFront: "Back to the front page",
  lastChecked: (time: string) => `Last checked ${time}.`,

  // ── the status e-mail and the outbox page ──
  emailSubjectActivation: (name: string) =>
    `Your activation request for ${name} has been processed`,
  emailSubjectUpdate: (name: string) => `Your update request for ${name} has been processed`,
  emailGreeting: (firstName: string) => `Hello ${firstName},`,
  emailIntroActivation: (id: number, name: string) =>
    `Your activation request ${id} for ${name} has been processed for every environment:`,
  emailIntroUpdate: (id: number, name: string) =>
    `Your update request ${id} for ${name} has been processed for every environment:`,
  emailStatusLink: (url: string) => `See the request: ${url}`,
  emailStartAgain: (url: string) => `You can start again: ${url}`,
  emailSignature: "Procountor (sandbox)",
  outboxTitle: "E-mail",
  outboxIntro:
    "The e-mails Procountor has sent you. The sandbox sends nothing anywhere: it keeps the messages here, and as JSON at /sandbox/outbox.",
  outboxEmpty:
    "No e-mail yet. Procountor e-mails you when every environment of a request has been processed.",
  emailTo: "To",
  emailSent: "Sent",

  // ── errors ──
  errorTitle: "Something went wrong",
  notFoundTitle: "Page not found",
  notFoundText: "There is nothing at this address, or it is not yours to see.",
  notPublishedTitle: "Not available yet",
  notPublishedText:
    "This integration has no approved version yet, so it cannot be activated. Try again once Procountor has reviewed it.",
  badLinkText:
    "This activation link is damaged (its state is too long). Ask the integrator for a new link.",
  methodNotAllowed: "This page cannot be used that way. Start again from the front page.",
  tooLarge: "The form was too large to accept.",
  crossOriginRefused:
    "This form came from another site, so the sandbox refused it. Open the page from the sandbox itself and try again.",
  notAForm:
    "The page was sent in a form the sandbox does not accept. Start again from the front page.",
  sandboxBug: "The sandbox hit a bug. It is logged; start again from the front page.",
  couldNotStart: "The request could not be sent:",
  errorLead: "Please fix this:",
} as const satisfies Record<string, string | ((...args: never[]) => string)>;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : T[K] };

/** The shape every language's messages must have. */
export type Messages = Widen<typeof en>;
