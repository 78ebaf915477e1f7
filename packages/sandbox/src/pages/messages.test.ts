import { englishWordsIn, hasClauseSemicolon, placeholderIn } from "@pcx/testkit";
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

  it("leaves no English word, placeholder or English-style semicolon in a Finnish string", () => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(fi as Record<string, Entry>)) {
      if (key === "lang" || key === "switchLanguage" || key === "switchLanguageHreflang") continue;
      // the sample arguments are English-ish names; what the message itself adds must be Finnish
      const text = sample(entry).split("Acme <Sync>").join(" ").split("Acme").join(" ");
      const english = englishWordsIn(text);
      if (english.length > 0) problems.push(`${key}: English ${english.join(", ")}`);
      const placeholder = placeholderIn(text);
      if (placeholder) problems.push(`${key}: placeholder ${placeholder}`);
      if (hasClauseSemicolon(text)) problems.push(`${key}: semicolon`);
    }
    expect(problems).toEqual([]);
  });

  it("the checks can fail: they find the English, the placeholder and the semicolon", () => {
    expect(englishWordsIn("Valitse ympäristöt and continue")).toEqual(["and", "continue"]);
    expect(englishWordsIn("Katso /sandbox/outbox ja https://example.fi/the")).toEqual([]);
    expect(placeholderIn("Hei {name}")).toBe("{name}");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the leftover placeholder is the point
    expect(placeholderIn("Hei ${name}")).toBe("${");
    expect(hasClauseSemicolon("Ei oikea Procountor; yritykset ovat keksittyjä.")).toBe(true);
    expect(hasClauseSemicolon("Ei oikea Procountor. Yritykset ovat keksittyjä.")).toBe(false);
  });

  it("calls the provider by one word, ohjelmistontarjoaja, as Procountor's Finnish guide mostly does", () => {
    const all = Object.values(fi as Record<string, Entry>)
      .map(sample)
      .join("\n");
    expect(all).toMatch(/ohjelmistontarjoaja/);
    expect(all).not.toMatch(/integraationtarjoaja|integraattori|palveluntarjoaja/i);
  });

  it("says 'Valittuna: n' and none of the wordings a native reading refused", () => {
    expect(fi.selectedCount(4, null)).toBe("Valittuna: 4");
    expect(fi.selectedCount(4, 5)).toBe("Valittuna: 4 (enintään 5)");
    const all = Object.values(fi as Record<string, Entry>)
      .map(sample)
      .join("\n");
    expect(all).not.toMatch(/jatkuu uudessa välilehdessä|halutaan aktivoida|ajaa raport/);
  });

  it("messages with a limit say the limit in both languages", () => {
    expect(en.overLimit(7, 5, "Acme")).toContain("at most 5");
    expect(fi.overLimit(7, 5, "Acme")).toContain("enintään 5");
    expect(en.limitNote(20)).toBe("You can activate at most 20 environments at once.");
    expect(fi.limitNote(20)).toBe("Voit aktivoida integraation samalla enintään 20 ympäristöön.");
  });
});
