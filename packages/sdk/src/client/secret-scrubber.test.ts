import { leakedFragments } from "@pcx/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRedactor } from "./redact.js";
import { createSecretScrubber, REDACTED, secretForms } from "./secret-scrubber.js";

const secretArb = fc.string({
  unit: fc.constantFrom(...'abcXYZ019+/=& %"\\-_.~ä'.split("")),
  minLength: 8,
  maxLength: 48,
});

describe("secret scrubber", () => {
  it("knows the raw, form-encoded, percent-encoded and JSON-escaped forms, and those nested", () => {
    expect(secretForms('a+b/c=d&e f"g')).toEqual([
      'a+b/c=d&e f"g',
      "a%2Bb%2Fc%3Dd%26e+f%22g",
      "a%2Bb%2Fc%3Dd%26e%20f%22g",
      "a%2bb%2fc%3dd%26e+f%22g",
      "a%2bb%2fc%3dd%26e%20f%22g",
      'a+b/c=d&e f\\"g',
      "a%252Bb%252Fc%253Dd%2526e%2Bf%2522g",
      "a%252Bb%252Fc%253Dd%2526e%2520f%2522g",
      "a%2Bb%2Fc%3Dd%26e+f%5C%22g",
      "a%2Bb%2Fc%3Dd%26e%20f%5C%22g",
    ]);
  });

  it("replaces whole values and any run of 8 or more of their characters", () => {
    const scrubber = createSecretScrubber(["ak-0123456789abcdef"]);
    expect(scrubber.scrub("key ak-0123456789abcdef ok")).toBe(`key ${REDACTED} ok`);
    expect(scrubber.scrub("cut: ak-01234")).toBe(`cut: ${REDACTED}`);
    expect(scrubber.scrub("tail 6789abcdef!")).toBe(`tail ${REDACTED}!`);
    expect(scrubber.scrub("short ak-0123 stays")).toBe("short ak-0123 stays");
    // Eight characters of the secret, percent-encoded inside a URL: still a fragment.
    expect(createSecretScrubber(["s3cr+t/k=y&z 12345"]).scrub("q=t%2Fk%3Dy%26z%2012&x")).toBe(
      `q=${REDACTED}&x`,
    );
    // Two characters that merely encode long are not a fragment.
    expect(createSecretScrubber(["s3cr+t/k=y&z 12345"]).scrub("%26z%20")).toBe("%26z%20");
  });

  it("leaves no fragment of a known secret, whatever the form, position and cut (fast-check)", () => {
    fc.assert(
      fc.property(
        secretArb,
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.constantFrom("raw", "form", "percent", "json", "lower", "prefix", "suffix"),
          ),
          { maxLength: 8 },
        ),
        fc.nat({ max: 400 }),
        (secret, parts, cutAt) => {
          const [raw, form, percent, json, lower] = [
            secret,
            new URLSearchParams({ s: secret }).toString().slice(2),
            encodeURIComponent(secret),
            JSON.stringify(secret).slice(1, -1),
            encodeURIComponent(secret).toLowerCase(),
          ];
          const pieces: Record<string, string> = {
            raw,
            form,
            percent,
            json,
            lower,
            prefix: secret.slice(0, 8 + (cutAt % (secret.length - 7))),
            suffix: secret.slice(cutAt % (secret.length - 7)),
          };
          const text = parts.map((part) => pieces[part] ?? part).join(" ");
          const redactor = createRedactor({ apiKey: secret });
          const out = [redactor.redact(text), redactor.excerpt(text, cutAt)];
          for (const printed of out) expect(leakedFragments(printed, [secret])).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("leaves no fragment of an unknown key in a JSON field cut anywhere (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(..."abcdef0123456789-".split("")),
          minLength: 16,
          maxLength: 40,
        }),
        fc.nat({ max: 60 }),
        fc.nat({ max: 200 }),
        (key, padding, cutAt) => {
          const body = JSON.stringify({
            note: "x".repeat(padding),
            credentials: [{ apiKey: key }],
          });
          const printed = createRedactor().excerpt(body, cutAt);
          for (let i = 0; i + 8 <= key.length; i++)
            expect(printed).not.toContain(key.slice(i, i + 8));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps error causes printable and free of secrets", () => {
    const redactor = createRedactor({ clientSecret: "cs-very-secret-value-1" });
    const inner = Object.assign(new Error("inner cs-very-secret-value-1"), { code: "EFAIL" });
    const outer = new Error('Unexpected token "cs-very-se"... is not valid JSON', { cause: inner });
    const copy = redactor.cause(outer) as Error & { cause: Error & { code: string } };
    expect(copy).toBeInstanceOf(Error);
    expect(copy.message).toBe(`Unexpected token "${REDACTED}"... is not valid JSON`);
    expect(copy.cause.message).toBe(`inner ${REDACTED}`);
    expect(copy.cause.code).toBe("EFAIL");
    expect(String(copy.stack)).not.toContain("cs-very");
    expect(String(copy.stack)).toMatch(/\n\s+at /);
  });
});
