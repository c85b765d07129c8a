import { describe, expect, it } from "vitest";
import { LANGUAGES } from "@/lib/i18n";
import { expectTranslation } from "@/testing/dictionary-shape";
import { favoritesMessages } from "../messages";

describe("the favorites view's words", () => {
  it.each(LANGUAGES)("%s has English's keys, a text for each, and its own wording", (language) => {
    expectTranslation(favoritesMessages, language);
  });

  it.each([
    [1, "1 favorite"],
    [2, "2 favorites"],
    [1_234, "1,234 favorites"],
  ])("counts %i as %s", (count, text) => {
    expect(favoritesMessages.en.count(count, count.toLocaleString("en"))).toBe(text);
  });
});
