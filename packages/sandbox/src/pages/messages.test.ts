import { describe, expect, it } from "vitest";
import { en } from "./messages-en.js";
import { fi } from "./messages-fi.js";

type Entry = string | ((...args: never[]) => string);

/** Sample arguments by parameter position: enough for every message function. */
const SAMPLE_ARGS = ["Acme <Sync>", 3, "Acme", 4] as const;

function sample(entry: Entry): string {
  if (typeof entry === "string") return entry;
  const args = SAMPLE_ARGS.slice(0, entry.length);
  return (entry as (...a: unknown[]) => string)(...args);
}

describe("page messages", () => {
  it("Finnish has exactly the English keys, each of the same kind and arity", () => {
    const enEntries = en as Record<string, Entry>;
    const fiEntries = fi as Record<string, Entry>;
    expect(Object.keys(fiEntries).sort()).toEqual(Object.keys(enEntries).sort());
    for (const [key, value] of Object.entries(enEntries)) {
      const other = fiEntries[key] as Entry;
      expect(typeof other, key).toBe(typeof value);
      if (typeof value === "function")
        expect((other as () => string).length, key).toBe(value.length);
    }
  });

  it("every message is a non-empty string in both languages, and Finnish is not English", () => {
    const same: string[] = [];
    for (const key of Object.keys(en)) {
      const a = sample((en as Record<string, Entry>)[key] as Entry);
      const b = sample((fi as Record<string, Entry>)[key] as Entry);
      expect(a.trim().length, key).toBeGreaterThan(0);
      expect(b.trim().length, key).toBeGreaterThan(0);
      if (a === b) same.push(key);
    }
    // Only the brand name and a pure "{kind} {id}" pattern read the same in both languages.
    expect(same).toEqual(["brand", "requestSummary"]);
  });

  it("messages with a limit say the limit in both languages", () => {
    expect(en.overLimit(7, 5, "Acme")).toContain("at most 5");
    expect(fi.overLimit(7, 5, "Acme")).toContain("enintään 5");
    expect(en.limitNote(20)).toBe("You can activate at most 20 environments at once.");
    expect(fi.limitNote(20)).toBe("Voit aktivoida integraation samalla enintään 20 ympäristöön.");
  });
});
