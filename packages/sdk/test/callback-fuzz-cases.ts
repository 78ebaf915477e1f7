// The cases of the callback fuzz (callback-fuzz.test.ts): a case's shape,
// its URL, and one fixed case for each class of refusal.

/** One fuzzed callback: method, query parameters (maybe twice), headers. */
export interface Case {
  method: string;
  id: string | undefined;
  state: string | undefined;
  duplicate: "none" | "id" | "state";
  extra: Array<[string, string]>;
  headers: Record<string, string>;
}

/** The callback path with the case's query. */
export function pathOf(c: Case): string {
  const query = new URLSearchParams(c.extra);
  // "duplicate": the parameter twice, whatever else the case says.
  if (c.duplicate === "id") query.append("activationRequestId", c.id ?? "1");
  if (c.id !== undefined || c.duplicate === "id") query.append("activationRequestId", c.id ?? "1");
  if (c.duplicate === "state") query.append("state", c.state ?? "x");
  if (c.state !== undefined || c.duplicate === "state") query.append("state", c.state ?? "x");
  return `/procountor/callback?${query.toString()}`;
}

/**
 * One case for each class of refusal, the deep ones included: those that need
 * a parseable id with a validly signed state, or the API's answer about the
 * request. Random cases reach the deep ones only now and then (a foreign
 * integration's state with a parseable id and GET: a few in a thousand before
 * the fuzz weighted its ids and states), so a run could miss one (one did:
 * "expected 0 to be greater than 0" for 403). Each fuzz property starts with
 * these cases as fast-check `examples`, on top of its random runs, so the
 * coverage it checks afterwards holds on every run; the weights in its id and
 * state generators make the random cases reach them often too.
 */
export interface DeepRefusal {
  status: number;
  refusal: string;
  case: Case;
}

export function deepRefusalCases(
  pending: ReadonlyArray<{ id: number; state: string }>,
  otherStates: readonly string[],
): DeepRefusal[] {
  const [first, second] = pending;
  const stateless = pending.find((p) => !p.state);
  if (!first || !second || !stateless) throw new Error("the fuzz needs its pending requests");
  const [foreign, wrongSecret, unknownKey, expired] = otherStates;
  const get = (id: string | undefined, state: string | undefined): Case => ({
    method: "GET",
    id,
    state,
    duplicate: "none",
    extra: [],
    headers: {},
  });
  return [
    {
      status: 405,
      refusal: "pcx_invalid_callback",
      case: { ...get(String(first.id), first.state), method: "POST" },
    },
    { status: 400, refusal: "pcx_invalid_callback", case: get("first", first.state) },
    // A pending request's own state with its id spelled otherwise: only the canonical spelling names it.
    ...[` ${first.id}`, `${first.id}.0`, `0${first.id}`, `0x${first.id.toString(16)}`].map(
      (id) => ({
        status: 400,
        refusal: "pcx_invalid_callback",
        case: get(id, first.state),
      }),
    ),
    {
      status: 400,
      refusal: "pcx_invalid_callback",
      case: { ...get(String(first.id), first.state), duplicate: "state" },
    },
    {
      status: 400,
      refusal: "pcx_invalid_state/bad_signature",
      case: get(String(first.id), wrongSecret),
    },
    {
      status: 400,
      refusal: "pcx_invalid_state/unknown_key",
      case: get(String(first.id), unknownKey),
    },
    { status: 400, refusal: "pcx_state_expired/expired", case: get(String(first.id), expired) },
    {
      status: 403,
      refusal: "pcx_wrong_integration/wrong_integration",
      case: get(String(first.id), foreign),
    },
    { status: 404, refusal: "pcx_request_not_found", case: get("9999999", undefined) },
    { status: 404, refusal: "pcx_request_not_found", case: get("9999999", first.state) },
    {
      status: 400,
      refusal: "pcx_invalid_state/not_this_request",
      case: get(String(first.id), second.state),
    },
    { status: 400, refusal: "pcx_invalid_state/missing", case: get(String(first.id), undefined) },
    {
      status: 400,
      refusal: "pcx_invalid_state/missing",
      case: get(String(stateless.id), undefined),
    },
  ];
}
