/**
 * The word lists behind `lintRights`. Deliberately simple: a purpose is a
 * sentence a person writes, so these checks only look for words, in English
 * and Finnish, and only warn. docs/definition.md "Lint rules" explains them.
 *
 * Matching: case-insensitive; a "word" entry matches a whole word; a "stem"
 * entry matches the start of a word (Finnish inflects: maksu, maksut, maksujen).
 */

interface WordList {
  /** Whole words (English mostly). */
  readonly words: readonly string[];
  /** Word beginnings (Finnish stems, and English words with many forms). */
  readonly stems: readonly string[];
}

/** Verbs of reading: a purpose with these and none of WRITE_WORDS only reads. */
export const READ_WORDS: WordList = {
  words: [
    "read",
    "reads",
    "reading",
    "look",
    "looks",
    "looking",
    "lookup",
    "fetch",
    "fetches",
    "fetching",
    "list",
    "lists",
    "listing",
    "view",
    "views",
    "viewing",
    "get",
    "gets",
    "getting",
    "retrieve",
    "retrieves",
    "retrieving",
    "search",
    "searches",
    "searching",
    "find",
    "finds",
    "check",
    "checks",
    "checking",
    "monitor",
    "monitors",
    "monitoring",
    "show",
    "shows",
    "display",
    "displays",
    "download",
    "downloads",
    "read-only",
  ],
  stems: [
    "hake",
    "hakee",
    "hae",
    "luke",
    "luki",
    "lue",
    "listaa",
    "näyttä",
    "näkee",
    "tarkist",
    "katso",
    "katsel",
    "etsi",
  ],
};

/** Verbs of changing: any of these means the purpose may need `all`. */
export const WRITE_WORDS: WordList = {
  words: [
    "create",
    "creates",
    "creating",
    "add",
    "adds",
    "adding",
    "update",
    "updates",
    "updating",
    "edit",
    "edits",
    "editing",
    "send",
    "sends",
    "sending",
    "post",
    "write",
    "writes",
    "writing",
    "delete",
    "deletes",
    "deleting",
    "remove",
    "removes",
    "removing",
    "import",
    "imports",
    "importing",
    "mark",
    "marks",
    "marking",
    "pay",
    "pays",
    "paying",
    "approve",
    "approves",
    "modify",
    "modifies",
    "cancel",
    "cancels",
    "upload",
    "uploads",
    "save",
    "saves",
    "insert",
    "inserts",
    "allocate",
    "allocates",
    "transfer",
    "sync",
    "syncs",
    "synchronises",
    "synchronizes",
    "changing",
    "luo",
    "luoda",
    "luodaan",
    "lisää",
    "lisätä",
    "lisätään",
  ],
  stems: [
    "päivit",
    "muokka",
    "lähettä",
    "poista",
    "kirjaa",
    "maksa",
    "hyväksy",
    "tallent",
    "merkit",
    "muutta",
    "kohdista",
    "siirtä",
    "synkron",
  ],
};

/**
 * For each high-risk right: stems a purpose mentions when it explains the
 * right, and an example purpose for the warning.
 */
export const HIGH_RISK_PURPOSES: Readonly<
  Record<string, { stems: readonly string[]; example: string }>
> = {
  payments: {
    stems: [
      "pay",
      "paid",
      "remit",
      "settle",
      "transfer",
      "maksa",
      "maksu",
      "maksetu",
      "suorit",
      "tilisiir",
    ],
    example: "Pays approved purchase invoices from the company's bank account.",
  },
  salaries: {
    stems: [
      "salar",
      "payroll",
      "payslip",
      "pay slip",
      "wage",
      "employee",
      "incomes register",
      "palk",
      "työntekij",
      "tulorekister",
    ],
    example: "Sends monthly payroll from Acme HR to Procountor's salary calculation.",
  },
  "company-info": {
    stems: [
      "company",
      "business id",
      "organi",
      "address",
      "bank account",
      "vat",
      "yritys",
      "yrityk",
      "y-tun",
      "osoit",
      "pankkiti",
      "alv",
    ],
    example: "Reads the company's business ID and address for invoice headers.",
  },
  "user-management": {
    stems: [
      "users",
      "user account",
      "user management",
      "user right",
      "access right",
      "permission",
      "role",
      "provision",
      "käyttäjät",
      "käyttäjien",
      "käyttäjiä",
      "käyttäjähallin",
      "käyttöoikeu",
    ],
    example: "Adds and removes the company's Acme Portal users as Procountor users.",
  },
  "audit-log": {
    stems: [
      "audit",
      "log",
      "history",
      "trail",
      "compliance",
      "loki",
      "muutoshistoria",
      "tarkast",
      "tilintarkast",
      "auditoin",
    ],
    example: "Archives the audit log every night for the customer's auditors.",
  },
};

const LETTER = "[\\p{L}\\p{N}]";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile(list: WordList): RegExp {
  const parts: string[] = [];
  if (list.words.length > 0)
    parts.push(`(?:${list.words.map(escapeRegExp).join("|")})(?!${LETTER}|-${LETTER})`);
  if (list.stems.length > 0) parts.push(`(?:${list.stems.map(escapeRegExp).join("|")})`);
  return new RegExp(`(?<!${LETTER})(?:${parts.join("|")})`, "iu");
}

const compiled = new WeakMap<WordList, RegExp>();

/** The first word of `list` that `text` mentions, or undefined. */
export function firstMention(text: string, list: WordList): string | undefined {
  let pattern = compiled.get(list);
  if (!pattern) {
    pattern = compile(list);
    compiled.set(list, pattern);
  }
  return pattern.exec(text)?.[0];
}

/**
 * The read verb that shows `purpose` only reads, or undefined when it
 * mentions no read verb or also mentions a write verb (then it may need `all`).
 */
export function readOnlyVerb(purpose: string): string | undefined {
  if (firstMention(purpose, WRITE_WORDS)) return undefined;
  return firstMention(purpose, READ_WORDS);
}

/** True when `purpose` mentions what a high-risk right is for; true for rights without a word list. */
export function purposeJustifies(rightKey: string, purpose: string): boolean {
  const entry = HIGH_RISK_PURPOSES[rightKey];
  if (!entry) return true;
  return firstMention(purpose, { words: [], stems: entry.stems }) !== undefined;
}
