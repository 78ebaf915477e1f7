import { describe, expect, it } from "vitest";
import { hideUrlPassword } from "./hide-url-password.js";

describe("hideUrlPassword", () => {
  it("hides each URL's password and keeps the user, host and the rest", () => {
    expect(hideUrlPassword("postgres://pcx:s3cret@db:5432/pcx")).toBe(
      "postgres://pcx:***@db:5432/pcx",
    );
    expect(hideUrlPassword("a postgresql://u:p@h/x and redis://:pw@r/0 failed")).toBe(
      "a postgresql://u:***@h/x and redis://:***@r/0 failed",
    );
  });

  it("leaves URLs without a password and plain paths alone", () => {
    for (const text of ["postgres://pcx@db/pcx", "sqlite:./pcx.db", "https://example.fi/a:b@c"])
      expect(hideUrlPassword(text)).toBe(text);
  });
});
