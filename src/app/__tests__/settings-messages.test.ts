import { describe, expect, it } from "vitest";
import { LANGUAGES } from "@/lib/i18n";
import { expectTranslation } from "@/testing/dictionary-shape";
import { settingsMessages } from "../settings-messages";

describe("the settings dialog's words", () => {
  // A codec's name reads the same in every language.
  const sameAsEnglish = new Set(["streamOpus"]);

  it.each(LANGUAGES)("%s has English's keys, a text for each, and its own wording", (language) => {
    expectTranslation(settingsMessages, language, sameAsEnglish);
  });

  it("says when the sleep timer stops in each language", () => {
    expect(settingsMessages.en.sleepInMinutes(15)).toBe("In 15 minutes");
    for (const language of LANGUAGES)
      expect(settingsMessages[language].sleepStopsAt("23:15")).toContain("23:15");
  });
});
