import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CallbackQuerySchema, MAX_STATE_LENGTH } from "../contract/index.js";
import { parseCallbackQuery } from "./callback-query.js";

const nameArb = fc.constantFrom(
  "activationRequestId",
  "state",
  "other",
  "State",
  "activationrequestid",
);
const valueArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -3, max: 1e9 }).map(String),
  fc.constantFrom(" 1", "1.0", "0x1", "01", "9007199254740991", "9007199254740992", ""),
  fc.constantFrom(MAX_STATE_LENGTH, MAX_STATE_LENGTH + 1).map((n) => "s".repeat(n)),
);

describe("parseCallbackQuery", () => {
  it("answers as CallbackQuerySchema does, for any query (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(nameArb, valueArb), { maxLength: 5 }), (pairs) => {
        const params = new URLSearchParams(pairs);
        const read = parseCallbackQuery(params);
        const twice = ["activationRequestId", "state"].some((n) => params.getAll(n).length > 1);
        if (twice) {
          expect(read).toMatchObject({
            ok: false,
            message: expect.stringMatching(/more than once/),
          });
          return;
        }
        const schema = CallbackQuerySchema.safeParse(Object.fromEntries(params));
        expect(read.ok).toBe(schema.success);
        if (read.ok) expect(read.value).toEqual(schema.data);
        else expect(read.message).toContain(String(schema.error?.issues[0]?.path[0]));
      }),
      { numRuns: 1000 },
    );
  });

  it("names the field and what is wrong", () => {
    const read = (query: string) => parseCallbackQuery(new URLSearchParams(query));
    expect(read("state=x")).toEqual({
      ok: false,
      message: 'the callback URL has no "activationRequestId"',
    });
    expect(read("activationRequestId=%201")).toEqual({
      ok: false,
      message:
        'the callback URL\'s "activationRequestId" is not valid: must be a positive whole number in plain decimal digits, like 12',
    });
    expect(read("activationRequestId=1&activationRequestId=1")).toMatchObject({ ok: false });
    expect(read(`activationRequestId=12&state=${"s".repeat(MAX_STATE_LENGTH + 1)}`)).toEqual({
      ok: false,
      message: `the callback URL's "state" is not valid: at most ${MAX_STATE_LENGTH} characters`,
    });
    expect(read("activationRequestId=12&state=v2.k1.a.b&mine=1")).toEqual({
      ok: true,
      value: { activationRequestId: 12, state: "v2.k1.a.b" },
    });
  });
});
