import { afterEach, describe, expect, it } from "vitest";
import { formatNumber, formatTimeAgo } from "../format";
import { errorMessage, GraphqlError } from "../graphql-client";
import { getT, type Language, languageFor, localeFor, type Messages, setLanguage } from "../i18n";
import { DICTIONARIES } from "../i18n-all";

type Entry = [path: string, value: unknown];

/** Every leaf of a dictionary, by its dotted path. */
function leaves(node: object, prefix = ""): Entry[] {
  return Object.entries(node).flatMap(([key, value]): Entry[] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === "object" ? leaves(value, path) : [[path, value]];
  });
}

/** A message as a person would read it: functions are called with plausible arguments. */
function sample(value: unknown): unknown {
  if (typeof value !== "function") return value;
  const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? 2 : "X"));
  return value(...args);
}

const LANGUAGES = Object.keys(DICTIONARIES) as Language[];
/** Every language but the source of truth: comparing English with itself would prove nothing. */
const TRANSLATIONS = LANGUAGES.filter((language) => language !== "en");
const english = leaves(DICTIONARIES.en);

afterEach(() => setLanguage("en"));

describe("the dictionaries", () => {
  it("has a translation to compare with English", () => {
    expect(TRANSLATIONS).not.toHaveLength(0);
  });

  it.each(TRANSLATIONS)("%s has exactly the keys of the English one", (language) => {
    const keys = leaves(DICTIONARIES[language]).map(([path]) => path);
    expect(keys.sort()).toEqual(english.map(([path]) => path).sort());
  });

  it.each(LANGUAGES)("%s has a non-empty text or a message function for every key", (language) => {
    const byPath = new Map(leaves(DICTIONARIES[language]));
    for (const [path, englishValue] of english) {
      const value = byPath.get(path);
      expect(typeof value, path).toBe(typeof englishValue);
      expect(["string", "function"], path).toContain(typeof value);
      const text = sample(value);
      expect(typeof text, path).toBe("string");
      expect((text as string).trim(), path).not.toBe("");
    }
  });

  it("translates every Japanese message instead of copying the English one", () => {
    // Proper nouns and formats that read the same in both languages.
    const same = new Set(["app.stationTitle", "app.documentTitle", "settings.streamOpus"]);
    const japanese = new Map(leaves(DICTIONARIES.ja));
    const copied = english
      .filter(([path, value]) => !same.has(path) && sample(japanese.get(path)) === sample(value))
      .map(([path]) => path);
    expect(copied).toEqual([]);
  });

  it("counts listeners in each language", () => {
    const listeners = (t: Messages, n: number) => t.nowPlaying.listeners(n, formatNumber(n, "en"));
    expect(listeners(DICTIONARIES.en, 1)).toBe("1 listener");
    expect(listeners(DICTIONARIES.en, 1234)).toBe("1,234 listeners");
    expect(listeners(DICTIONARIES.ja, 1234)).toBe("リスナー 1,234人");
  });
});

describe("languageFor", () => {
  it("picks Japanese for a Japanese browser", () => {
    expect(languageFor("auto", ["ja-JP"])).toBe("ja");
    expect(languageFor("auto", ["ja"])).toBe("ja");
  });

  it("falls back to English for a language it does not have", () => {
    expect(languageFor("auto", ["fr-FR"])).toBe("en");
    expect(languageFor("auto", [])).toBe("en");
  });

  it("follows the browser's order of preference", () => {
    expect(languageFor("auto", ["fr-FR", "ja-JP", "en-US"])).toBe("ja");
    expect(languageFor("auto", ["en-GB", "ja-JP"])).toBe("en");
  });

  it("honours an explicit choice over the browser", () => {
    expect(languageFor("en", ["ja-JP"])).toBe("en");
    expect(languageFor("ja", ["fr-FR"])).toBe("ja");
  });
});

describe("localeFor", () => {
  it("keeps the browser's regional tag when it is the same language", () => {
    expect(localeFor("en", ["en-GB", "ja-JP"])).toBe("en-GB");
    expect(localeFor("ja", ["en-GB", "ja-JP"])).toBe("ja-JP");
  });

  it("uses the bare language otherwise", () => {
    expect(localeFor("ja", ["fr-FR"])).toBe("ja");
  });
});

describe("the language store", () => {
  it("hands out one stable dictionary per language", () => {
    setLanguage("ja");
    expect(getT()).toBe(DICTIONARIES.ja);
    setLanguage("en");
    expect(getT()).toBe(DICTIONARIES.en);
  });

  it("formats relative times through Intl in the chosen locale", () => {
    const now = Date.UTC(2024, 0, 1, 12);
    expect(formatTimeAgo(now - 3 * 60_000, now, "ja")).toBe("3 分前");
    expect(formatTimeAgo(now - 3 * 60_000, now, "en")).toBe("3 min. ago");
  });
});

describe("GraphQL error messages", () => {
  it("keep English in the error for logs, and speak the page's language to people", () => {
    const error = new GraphqlError("network");
    expect(error.message).toMatch(/can't reach LISTEN\.moe/i);
    setLanguage("ja");
    expect(error.message).toMatch(/can't reach LISTEN\.moe/i);
    expect(errorMessage(error)).toBe(DICTIONARIES.ja.errors.network);
    expect(errorMessage(new Error("boom"))).toBe(DICTIONARIES.ja.errors.unknown);
  });

  it("quote the server's own words when it refused", () => {
    const error = new GraphqlError("rejected", { serverMessages: ["Song not found."] });
    expect(errorMessage(error, DICTIONARIES.en)).toBe("LISTEN.moe said: Song not found.");
    expect(errorMessage(error, DICTIONARIES.ja)).toBe("LISTEN.moe からのメッセージ：Song not found.");
  });
});
