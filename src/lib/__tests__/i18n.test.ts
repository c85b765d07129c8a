import { act, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { expectTranslation } from "@/testing/dictionary-shape";
import { errorMessages } from "../error-messages";
import { formatNumber, formatTimeAgo } from "../format";
import { errorMessage, GraphqlError } from "../graphql-client";
import {
  getT,
  type Language,
  languageFor,
  localeFor,
  type MessageSet,
  type Messages,
  setLanguage,
  useMessages,
} from "../i18n";
import { DICTIONARIES } from "../i18n-all";

const LANGUAGES = Object.keys(DICTIONARIES) as Language[];
/** Every language but the source of truth: comparing English with itself would prove nothing. */
const TRANSLATIONS = LANGUAGES.filter((language) => language !== "en");

afterEach(() => setLanguage("en"));

describe("the dictionaries", () => {
  it("has a translation to compare with English", () => {
    expect(TRANSLATIONS).not.toHaveLength(0);
  });

  // Proper nouns and formats that read the same in every language.
  const sameAsEnglish = new Set(["app.stationTitle", "app.documentTitle"]);

  it.each(LANGUAGES)("%s has English's keys, a text for each, and its own wording", (language) => {
    expectTranslation(DICTIONARIES, language, sameAsEnglish);
  });

  it("catches a missing key and a copied text", () => {
    const { close: _dropped, ...app } = DICTIONARIES.ja.app;
    const missing = { ...DICTIONARIES, ja: { ...DICTIONARIES.ja, app } } as typeof DICTIONARIES;
    expect(() => expectTranslation(missing, "ja", sameAsEnglish)).toThrow(/ja keys/);
    const copied = { ...DICTIONARIES, ko: { ...DICTIONARIES.ko, app: DICTIONARIES.en.app } };
    expect(() => expectTranslation(copied, "ko", sameAsEnglish)).toThrow(/copy of the English/);
  });

  it("counts listeners in each language", () => {
    const listeners = (t: Messages, n: number) => t.nowPlaying.listeners(n, formatNumber(n, "en"));
    expect(listeners(DICTIONARIES.en, 1)).toBe("1 listener");
    expect(listeners(DICTIONARIES.en, 1234)).toBe("1,234 listeners");
    expect(listeners(DICTIONARIES.ja, 1234)).toBe("リスナー 1,234人");
    expect(listeners(DICTIONARIES.ko, 1234)).toBe("청취자 1,234명");
  });
});

describe("Korean particles", () => {
  const { region } = DICTIONARIES.ko;
  // 을 after a final consonant, 를 after a vowel: never the "을(를)" of untended software.
  it.each([
    [region.nowPlaying, "지금 재생 중인 곡을 표시하지 못했습니다."],
    [region.history, "재생 기록을 표시하지 못했습니다."],
    [region.account, "계정을 표시하지 못했습니다."],
    [region.player, "플레이어를 표시하지 못했습니다."],
    [region.dialog, "이 창을 표시하지 못했습니다."],
    [region.page, "페이지를 표시하지 못했습니다."],
    ["Search", "Search를 표시하지 못했습니다."],
  ])("%s takes the right object particle", (part, start) => {
    expect(region.failed(part).startsWith(start)).toBe(true);
  });
});

describe("languageFor", () => {
  it("picks Japanese for a Japanese browser", () => {
    expect(languageFor("auto", ["ja-JP"])).toBe("ja");
    expect(languageFor("auto", ["ja"])).toBe("ja");
  });

  it("picks Korean for a Korean browser", () => {
    expect(languageFor("auto", ["ko-KR"])).toBe("ko");
    expect(languageFor("auto", ["fr-FR", "ko", "ja-JP"])).toBe("ko");
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

describe("a feature's own words", () => {
  it("follow the language on screen", async () => {
    const words: MessageSet<{ hello: string }> = {
      en: { hello: "Hello" },
      ja: { hello: "こんにちは" },
      ko: { hello: "안녕하세요" },
    };
    const { result } = renderHook(() => useMessages(words));
    expect(result.current.hello).toBe("Hello");
    await act(() => setLanguage("ko"));
    expect(result.current.hello).toBe("안녕하세요");
    await act(() => setLanguage("ja"));
    expect(result.current.hello).toBe("こんにちは");
  });
});

describe("GraphQL error messages", () => {
  it("keep English in the error for logs, and speak the page's language to people", () => {
    const error = new GraphqlError("network");
    expect(error.message).toMatch(/can't reach LISTEN\.moe/i);
    setLanguage("ja");
    expect(error.message).toMatch(/can't reach LISTEN\.moe/i);
    expect(errorMessage(error)).toBe(errorMessages.ja.network);
    expect(errorMessage(new Error("boom"))).toBe(errorMessages.ja.unknown);
  });

  it("quote the server's own words when it refused", () => {
    const error = new GraphqlError("rejected", { serverMessages: ["Song not found."] });
    expect(errorMessage(error, errorMessages.en)).toBe("LISTEN.moe said: Song not found.");
    expect(errorMessage(error, errorMessages.ja)).toBe("LISTEN.moe からのメッセージ：Song not found.");
  });
});
