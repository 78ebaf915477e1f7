import { describe, expect, it } from "vitest";
import { joinSentences } from "./join-sentences.js";

describe("joinSentences", () => {
  it("puts exactly one full stop between sentences (no 'client.. Check')", () => {
    expect(joinSentences("belongs to another API client.", "Check the API key.")).toBe(
      "belongs to another API client. Check the API key.",
    );
    expect(joinSentences("no stop", "Next")).toBe("no stop. Next");
    expect(joinSentences("Really?", undefined, "", "Yes")).toBe("Really? Yes");
    expect(joinSentences(undefined, "only")).toBe("only");
  });
});
