import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, foldForComparison } from "./did-you-mean.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent transpositions as one edit", () => {
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("abc", "abxc")).toBe(1);
    expect(editDistance("abc", "ac")).toBe(1);
    expect(editDistance("abc", "abd")).toBe(1);
    expect(editDistance("invocies", "invoices")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("didYouMean", () => {
  const keys = ["callbackUrl", "name", "description", "technicalUser"].map((k) => ({
    value: k,
    spellings: [k],
  }));

  it("finds case, separator, typo and prefix variants", () => {
    expect(foldForComparison("Käyttäjät ja Å")).toBe("kayttajatjaa");
    expect(didYouMean("callbackURL", keys)).toBe("callbackUrl");
    expect(didYouMean("callback_url", keys)).toBe("callbackUrl");
    expect(didYouMean("descripton", keys)).toBe("description");
    expect(didYouMean("technical", keys)).toBe("technicalUser");
  });

  it("suggests nothing for distant or empty input", () => {
    expect(didYouMean("colour", keys)).toBeUndefined();
    expect(didYouMean("---", keys)).toBeUndefined();
    expect(didYouMean("nam", [{ value: "x", spellings: [""] }])).toBeUndefined();
  });
});
