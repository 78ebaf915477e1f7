// The HTTP fuzz suites' generators: request-targets, methods, headers, content types, bodies.
import fc from "fast-check";

const PATH_PIECES = [
  "/",
  "//",
  "/..",
  "/.",
  "%",
  "%zz",
  "%2F",
  "%2f",
  "%00",
  "%0D%0A",
  "%E0%A4%A",
  "%C3%A4",
  "%FF",
  "ä",
  "€",
  "\u{1F600}",
  "[",
  "]",
  "@",
  ":",
  "\\",
  "?",
  "#",
  "&",
  "=",
  ";",
  "~",
  "'",
  '"',
  "<",
  ">",
  "{",
  "}",
  "|",
  "^",
  "`",
  "*",
  "+",
  ",",
  "!",
  "$",
  "(",
  ")",
  "1",
  "0",
  "7",
  "1e0",
  "0x1",
  "-1",
  "01",
  "%201",
  "%31",
  "1.5",
  "99999999999999999999",
  "9007199254740993",
] as const;

const SEGMENTS = [
  "integrations",
  "activation-requests",
  "activations",
  "limits",
  "approve",
  "reject",
  "deactivate",
  "oauth",
  "token",
  "users",
  "environments",
  "overview",
  "review",
  "review-queue",
  "state",
  "health",
  "expire",
  "introspect",
  "update-requests",
  "clock",
  "outbox",
  "handoff",
  "activate",
  "requests",
  "update",
  "signin",
  "signout",
  "terms",
  "confirm",
  "rights",
  "favicon.ico",
] as const;

/** A request-target under `prefix`: path pieces, segments, encodings, unicode, a query. */
export function targetUnder(prefix: string): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SEGMENTS).map((s) => `/${s}`) },
    { weight: 3, arbitrary: fc.constantFrom(...PATH_PIECES) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }).map(encodeURI) },
  );
  const query = fc.option(
    fc
      .array(
        fc.tuple(
          fc.constantFrom(
            "page",
            "size",
            "status",
            "next",
            "lang",
            "state",
            "integrationId",
            "selectable",
            "userId",
            "requestId",
            "x",
          ),
          fc.constantFrom(...PATH_PIECES),
        ),
        { maxLength: 4 },
      )
      .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`),
    { nil: "" },
  );
  // What comes first decides how a URL parser reads the rest: `//x` and `/\\x` name a host.
  const lead = fc.constantFrom(
    "",
    "",
    "",
    "",
    "/",
    "//",
    "/\\",
    "http://localhost",
    "HTTP://[::1]",
  );
  return fc
    .tuple(lead, fc.array(piece, { maxLength: 7 }), query)
    .map(([first, pieces, q]) => `${first}${prefix}${pieces.join("")}${q}`.replace(/[ \r\n]/g, ""));
}

/** Methods, the known and the odd. */
export const methods = fc.constantFrom(
  "GET",
  "POST",
  "PUT",
  "DELETE",
  "PATCH",
  "HEAD",
  "OPTIONS",
  "TRACE",
  "PROPFIND",
  "PURGE",
  "FOO",
  "get",
  "CONNECT",
);

/** Content types, right, wrong and garbled. */
export const contentTypes = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "text/plain",
  "text/plain;charset=UTF-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/vnd.api+json",
  "",
  ";",
  "application/json;;;",
  "json",
  "*/*",
);

/** Header lines to add: the ones the sandbox reads, with good and bad values, and random ones. */
export function headerLines(context: { token: string; session: string; origin: string }) {
  const known = fc.oneof(
    fc.constantFrom<[string, string]>(
      ["Authorization", `Bearer ${context.token}`],
      ["Authorization", "Bearer"],
      ["Authorization", "Basic dXNlcjpwYXNz"],
      ["Authorization", `Bearer ${context.token} extra`],
      ["Authorization", "Bearer pcxs_at_nope"],
      ["Idempotency-Key", "fuzz-key"],
      ["Idempotency-Key", "k".repeat(300)],
      ["Origin", "null"],
      ["Origin", "http://attacker.example"],
      ["Origin", context.origin],
      ["Sec-Fetch-Site", "cross-site"],
      ["Sec-Fetch-Site", "same-origin"],
      ["Accept", "text/html"],
      ["Accept", "application/json"],
      ["Cookie", context.session],
      ["Cookie", "pcx_sandbox_session=1.forged; lang=xx"],
      ["Cookie", "pcx_sandbox_session=%zz; =; ;;"],
      ["Host", "attacker.example"],
      ["Host", "a b"],
      ["Host", "[::1"],
      ["Host", "localhost:99999"],
      ["Host", "localhost/evil"],
      ["Host", ""],
      ["Expect", "100-continue"],
      ["Expect", "teapot"],
      ["Transfer-Encoding", "gzip"],
      ["Content-Length", "-1"],
      ["Content-Length", "abc"],
      ["Upgrade", "websocket"],
      ["X-Long", "x".repeat(20_000)],
      ["X-Latin1", "\u00e4\u00f6"],
    ),
    fc.tuple(
      fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/),
      fc.string({ unit: "grapheme-ascii", maxLength: 40 }),
    ),
    fc.tuple(fc.constantFrom("Bad Name", "Bad:Name", "", "X\u0000"), fc.constant("v")),
  );
  return fc.array(known, { maxLength: 5 });
}

/** JSON texts: values of any shape, deep nests, broken JSON, invalid UTF-8. */
export const jsonBodies = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? "null")),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 30, max: 8_000 })
      .map((n) => Buffer.from(`${"[".repeat(n)}${"]".repeat(n)}`)),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 30, max: 3_000 })
      .map((n) => Buffer.from(`{"definition":${'{"a":'.repeat(n)}1${"}".repeat(n)}}`)),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        "{",
        "[1,]",
        "nul",
        '{"a":"\\ud800"}',
        "\u0000",
        "  ",
        "{}{}",
        '{"__proto__":{"x":1}}',
      )
      .map((t) => Buffer.from(t)),
  },
  {
    weight: 1,
    arbitrary: fc.constant(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
  },
);
